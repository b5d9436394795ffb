import EngineIOServer
import Foundation
import Logging
import SocketIOServer
import Synchronization
import Testing

/// Servers sharing one in-memory log of broadcasts and one table of sessions, as PostgreSQL keeps
/// them for the nodes of a cluster. Publishing hands the broadcast to every server at once.
final class SharedCluster: Sendable {
    private struct State {
        var log: [SocketIOClusterDelivery] = []
        var sessions: [String: (socketID: String, rooms: Set<String>)] = [:]
        var handlers: [@Sendable (SocketIOClusterDelivery) -> Void] = []
    }

    private let state = Mutex(State())

    /// The adapter one server of the cluster uses.
    func node() -> Node { Node(cluster: self) }

    var published: [SocketIOClusterDelivery] { state.withLock { $0.log } }

    struct Node: SocketIOClusterAdapter {
        let cluster: SharedCluster

        func publish(_ broadcast: SocketIOClusterBroadcast) {
            let (delivery, handlers) = cluster.state.withLock { state in
                let delivery = SocketIOClusterDelivery(offset: String(state.log.count + 1), broadcast: broadcast)
                state.log.append(delivery)
                return (delivery, state.handlers)
            }
            for handler in handlers { handler(delivery) }
        }

        func flush(timeout: Duration) async {}

        func deliver(to handler: @escaping @Sendable (SocketIOClusterDelivery) -> Void) {
            cluster.state.withLock { $0.handlers.append(handler) }
        }

        func saveSession(pid: String, socketID: String, rooms: Set<String>, context: (any Sendable)?) {
            cluster.state.withLock { $0.sessions[pid] = (socketID, rooms) }
        }

        func endSession(pid: String) {
            cluster.state.withLock { _ = $0.sessions.removeValue(forKey: pid) }
        }

        func restoreSession(pid: String, offset: String, context: (any Sendable)?) async -> SocketIOClusterSession? {
            cluster.state.withLock { state in
                guard let saved = state.sessions[pid], let after = Int(offset), after <= state.log.count else { return nil }
                let missed = state.log[after...].filter { $0.broadcast.reaches(socketID: saved.socketID, rooms: saved.rooms) }
                return SocketIOClusterSession(socketID: saved.socketID, rooms: saved.rooms, missed: Array(missed))
            }
        }
    }
}

@Suite struct SocketIOClusterTests {
    /// Two servers on one shared cluster, each with recovery on and every socket in room "news".
    func withTwoServers(_ body: (SharedCluster, [SocketIOServer], [EngineIOServer]) async throws -> Void) async throws {
        let cluster = SharedCluster()
        var configuration = SocketIOConfiguration()
        configuration.recoveryWindow = .seconds(120)
        let servers = (0..<2).map { _ in SocketIOServer(configuration: configuration, cluster: cluster.node(), logger: Logger(label: "test")) }
        for io in servers {
            io.of("/").onConnection { socket in socket.join("news") }
        }
        let engines = servers.map { EngineIOServer(configuration: EngineIOConfiguration(), handler: $0, logger: Logger(label: "test")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for io in servers { group.addTask { try await io.run() } }
            try await body(cluster, servers, engines)
            group.cancelAll()
        }
    }

    static let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil)

    @Test func aBroadcastOnOneServerReachesTheSocketsOfEveryServerOnceWithItsClusterOffset() async throws {
        try await withTwoServers { cluster, servers, engines in
            let (first, _) = try await connectClient(to: engines[0])
            let (second, _) = try await connectClient(to: engines[1])
            await eventually { servers.allSatisfy { !$0.of("/").sockets(inRooms: ["news"]).isEmpty } }

            servers[0].of("/").to("news").emit("headline", ["one"])
            servers[1].of("/").to("elsewhere").emit("headline", ["not for you"])
            servers[1].of("/").to("news").emit("headline", ["two"])

            for client in [first, second] {
                #expect(await client.waitFor { $0.contains("two") } != nil)
                let headlines = client.texts.filter { $0.contains("headline") }
                #expect(headlines == [#"42["headline","one","1"]"#, #"42["headline","two","3"]"#])
            }
            #expect(cluster.published.count == 3)
        }
    }

    @Test func aSocketWhoseServerWentAwayResumesOnAnotherWithItsRoomsAndWhatItMissed() async throws {
        try await withTwoServers { _, servers, engines in
            let socket = RecordingWebSocket()
            let connection = try #require(engines[0].webSocketOpened(socket, handshake: Self.handshake))
            connection.received(.text("40"))
            let accepted = try JSONValue(jsonText: try #require(await socket.waitFor { $0.hasPrefix("40{") }).dropFirst(2))
            let (sid, pid) = (try #require(accepted["sid"]?.stringValue), try #require(accepted["pid"]?.stringValue))
            await eventually { !servers[0].of("/").sockets(inRooms: ["news"]).isEmpty }
            servers[1].of("/").to("news").emit("headline", ["before"])
            #expect(await socket.waitFor { $0.contains("before") } != nil)

            connection.closed()
            await eventually { servers[0].of("/").socketCount == 0 }
            servers[1].of("/").to("news").emit("headline", ["missed"])
            servers[1].of("/").to("elsewhere").emit("headline", ["not for you"])

            let resumed = RecordingWebSocket()
            try #require(engines[1].webSocketOpened(resumed, handshake: Self.handshake))
                .received(.text(#"40{"offset":"1","pid":"\#(pid)"}"#))
            #expect(await resumed.waitFor { $0.hasPrefix("40{") }?.contains(sid) == true)
            #expect(await resumed.waitFor { $0.contains("missed") } == #"42["headline","missed","2"]"#)
            #expect(!resumed.texts.contains { $0.contains("not for you") })
            #expect(servers[1].of("/").sockets(inRooms: ["news"]).map(\.id) == [sid])
        }
    }
}
