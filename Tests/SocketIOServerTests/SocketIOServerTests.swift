import EngineIOServer
import Foundation
import Logging
import SocketIOServer
import Synchronization
import Testing

/// A WebSocket that records frames and lets a test wait for them.
final class RecordingWebSocket: EngineIOWebSocket {
    private let frames = Mutex<[EngineIOPacket.Payload]>([])

    func send(_ packet: EngineIOPacket) { frames.withLock { $0.append(packet.webSocketFrame) } }
    func close() {}

    var texts: [String] {
        frames.withLock { $0.compactMap { if case .text(let text) = $0 { text } else { nil } } }
    }

    /// Waits (up to 2 s) until a text frame satisfies `match`.
    func waitFor(_ match: (String) -> Bool) async -> String? {
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            if let found = texts.first(where: match) { return found }
            await Task.yield()
        }
        return nil
    }
}

/// Waits (up to 2 s) for a condition the server reaches asynchronously; records an issue if it never does.
func eventually(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async {
    let deadline = ContinuousClock.now + .seconds(2)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition never held", sourceLocation: sourceLocation)
            return
        }
        await Task.yield()
    }
}

/// Opens a WebSocket client on `engine` and connects it to namespace `/`.
func connectClient(to engine: EngineIOServer) async throws -> (RecordingWebSocket, EngineIOWebSocketConnection) {
    let socket = RecordingWebSocket()
    let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil)
    let connection = try #require(engine.webSocketOpened(socket, handshake: handshake))
    connection.received(.text("40"))
    #expect(await socket.waitFor { $0.hasPrefix("40{\"sid\"") } != nil)
    return (socket, connection)
}

@Suite struct SocketIOServerTests {
    /// Runs a Socket.IO server with a `join` event handler and gives the test a way to connect clients.
    func withServer(_ body: (SocketIOServer, () async throws -> (RecordingWebSocket, EngineIOWebSocketConnection)) async throws -> Void) async throws {
        let io = SocketIOServer(logger: Logger(label: "test"))
        io.of("/").onConnection { socket in
            socket.on("join") { socket, event in
                if let room = event.arguments.first?.stringValue { socket.join(room) }
                event.ack?([.array(socket.rooms.sorted().map(JSONValue.string))])
            }
            socket.on("shout") { socket, event in
                guard let room = event.arguments.first?.stringValue else { return }
                socket.broadcast.to(room).emit("heard", Array(event.arguments.dropFirst()))
            }
        }
        let engine = EngineIOServer(configuration: EngineIOConfiguration(), handler: io, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await io.run() }
            try await body(io) { try await connectClient(to: engine) }
            group.cancelAll()
        }
    }

    @Test func roomsReceiveOnlyTheirBroadcasts() async throws {
        try await withServer { io, connect in
            let (alice, aliceConnection) = try await connect()
            let (bob, bobConnection) = try await connect()
            let (carol, _) = try await connect()
            aliceConnection.received(.text(#"421["join","ticket:1"]"#))
            #expect(await alice.waitFor { $0.hasPrefix("431") }?.contains("ticket:1") == true)
            bobConnection.received(.text(#"422["join","ticket:1"]"#))
            #expect(await bob.waitFor { $0.hasPrefix("432") } != nil)

            aliceConnection.received(.text(#"42["shout","ticket:1","hello"]"#))
            #expect(await bob.waitFor { $0 == #"42["heard","hello"]"# } != nil)
            #expect(!alice.texts.contains(#"42["heard","hello"]"#))
            #expect(!carol.texts.contains(#"42["heard","hello"]"#))
            #expect(io.of("/").sockets(inRooms: ["ticket:1"]).count == 2)
        }
    }

    @Test func aClientsEventsRunOnTheExecutorOfItsConnection() async throws {
        let io = SocketIOServer(logger: Logger(label: "test"))
        let executor = CountingTaskExecutor()
        let handledOnIt = Mutex<[Bool]>([])
        io.of("/").on("where") { _, event in
            handledOnIt.withLock { $0.append(executor.jobCount > 0) }
            event.ack?([])
        }
        let engine = EngineIOServer(configuration: EngineIOConfiguration(), handler: io, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await io.run() }
            let socket = RecordingWebSocket()
            let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil, executor: executor)
            let connection = try #require(engine.webSocketOpened(socket, handshake: handshake))
            connection.received(.text("40"))
            #expect(await socket.waitFor { $0.hasPrefix("40{\"sid\"") } != nil)
            connection.received(.text(#"421["where"]"#))
            #expect(await socket.waitFor { $0 == "431[]" } != nil)
            #expect(handledOnIt.withLock { $0 } == [true])
            group.cancelAll()
        }
    }

    @Test func disconnectingLeavesEveryRoom() async throws {
        try await withServer { io, connect in
            let (alice, connection) = try await connect()
            connection.received(.text(#"421["join","agents"]"#))
            #expect(await alice.waitFor { $0.hasPrefix("431") } != nil)
            #expect(io.of("/").sockets(inRooms: ["agents"]).count == 1)
            connection.received(.text("41"))
            await eventually { io.of("/").socketCount == 0 }
            #expect(io.of("/").sockets(inRooms: ["agents"]).isEmpty)
        }
    }

    @Test func namespaceHandlersServeEverySocketAfterTheSocketsOwn() async throws {
        try await withServer { io, connect in
            let disconnects = Mutex<[String]>([])
            io.of("/").on("echo") { socket, event in event.ack?(event.arguments) }
            io.of("/").on("join") { _, event in event.ack?(["namespace handler"]) }
            io.of("/").onDisconnect { socket, reason in disconnects.withLock { $0.append(reason) } }
            let (alice, aliceConnection) = try await connect()
            let (bob, bobConnection) = try await connect()
            aliceConnection.received(.text(#"421["echo","hi"]"#))
            bobConnection.received(.text(#"427["echo",{"n":2}]"#))
            #expect(await alice.waitFor { $0 == #"431["hi"]"# } != nil)
            #expect(await bob.waitFor { $0 == #"437[{"n":2}]"# } != nil)
            aliceConnection.received(.text(#"422["join","ticket:1"]"#))
            let joined = await alice.waitFor { $0.hasPrefix("432") }
            #expect(joined?.contains("ticket:1") == true && joined?.contains("namespace handler") == false)
            aliceConnection.received(.text("41"))
            await eventually { disconnects.withLock { $0 } == ["client namespace disconnect"] }
        }
    }

    @Test func exceptExcludesARoom() async throws {
        try await withServer { io, connect in
            let (alice, aliceConnection) = try await connect()
            let (bob, _) = try await connect()
            aliceConnection.received(.text(#"421["join","muted"]"#))
            #expect(await alice.waitFor { $0.hasPrefix("431") } != nil)
            io.of("/").except("muted").emit("news", ["hi"])
            #expect(await bob.waitFor { $0 == #"42["news","hi"]"# } != nil)
            #expect(!alice.texts.contains(#"42["news","hi"]"#))
        }
    }

    @Test func aBroadcastToSeveralRoomsReachesEachSocketOnce() async throws {
        try await withServer { io, connect in
            let (alice, aliceConnection) = try await connect()
            let (bob, bobConnection) = try await connect()
            let (carol, _) = try await connect()
            aliceConnection.received(.text(#"421["join","a"]"#))
            aliceConnection.received(.text(#"422["join","b"]"#))
            bobConnection.received(.text(#"421["join","b"]"#))
            #expect(await alice.waitFor { $0.hasPrefix("432") } != nil)
            #expect(await bob.waitFor { $0.hasPrefix("431") } != nil)
            io.of("/").to("a").to("b").emit("news", ["hi"])
            io.of("/").emit("end")
            for client in [alice, bob, carol] {
                #expect(await client.waitFor { $0 == #"42["end"]"# } != nil)
            }
            #expect(alice.texts.filter { $0 == #"42["news","hi"]"# }.count == 1)
            #expect(bob.texts.filter { $0 == #"42["news","hi"]"# }.count == 1)
            #expect(!carol.texts.contains(#"42["news","hi"]"#))
        }
    }

    @Test func middlewareRefusesWithConnectError() async throws {
        let io = SocketIOServer(logger: Logger(label: "test"))
        io.of("/").use { handshake in
            guard handshake.auth["token"] == "letmein" else {
                throw SocketIOConnectError(message: "Unauthorized", data: ["code": "UNAUTHORIZED"])
            }
            return "user-1"
        }
        let engine = EngineIOServer(configuration: EngineIOConfiguration(), handler: io, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await io.run() }
            let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil)
            let refused = RecordingWebSocket()
            try #require(engine.webSocketOpened(refused, handshake: handshake)).received(.text(#"40{"token":"nope"}"#))
            #expect(await refused.waitFor { $0.hasPrefix("44") } == #"44{"message":"Unauthorized","data":{"code":"UNAUTHORIZED"}}"#)
            let allowed = RecordingWebSocket()
            try #require(engine.webSocketOpened(allowed, handshake: handshake)).received(.text(#"40{"token":"letmein"}"#))
            #expect(await allowed.waitFor { $0.hasPrefix("40{") } != nil)
            #expect(io.of("/").sockets().first?.context as? String == "user-1")
            group.cancelAll()
        }
    }
}

@Suite struct ConnectionStateRecoveryTests {
    @Test func aDroppedClientGetsItsIdRoomsAndMissedBroadcastsBack() async throws {
        var configuration = SocketIOConfiguration()
        configuration.recoveryWindow = .seconds(120)
        let io = SocketIOServer(configuration: configuration, logger: Logger(label: "test"))
        io.of("/").onConnection { socket in socket.join("news") }
        let engine = EngineIOServer(configuration: EngineIOConfiguration(), handler: io, logger: Logger(label: "test"))
        let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await io.run() }
            let first = RecordingWebSocket()
            let connection = try #require(engine.webSocketOpened(first, handshake: handshake))
            connection.received(.text("40"))
            let accepted = try #require(await first.waitFor { $0.hasPrefix("40{") })
            let ids = try JSONValue(jsonText: accepted.dropFirst(2))
            let (sid, pid) = (try #require(ids["sid"]?.stringValue), try #require(ids["pid"]?.stringValue))
            await eventually { !io.of("/").sockets(inRooms: ["news"]).isEmpty }

            io.of("/").to("news").emit("headline", ["one"])
            let seen = try #require(await first.waitFor { $0.contains("one") })
            let offset = try #require(try JSONValue(jsonText: seen.dropFirst(2)).arrayValue?.last?.stringValue)

            connection.closed()
            await eventually { io.of("/").socketCount == 0 }
            io.of("/").to("news").emit("headline", ["two"])
            io.of("/").to("elsewhere").emit("headline", ["not for you"])
            io.of("/").emit("headline", ["three"])

            let second = RecordingWebSocket()
            try #require(engine.webSocketOpened(second, handshake: handshake))
                .received(.text(#"40{"offset":"\#(offset)","pid":"\#(pid)"}"#))
            #expect(await second.waitFor { $0.hasPrefix("40{") }?.contains(sid) == true)
            #expect(await second.waitFor { $0.contains("three") } != nil)
            let replayed = second.texts.filter { $0.contains("headline") }
            #expect(replayed.count == 2)
            #expect(replayed.first?.contains("two") == true)
            #expect(io.of("/").sockets(inRooms: ["news"]).map(\.id) == [sid])

            let stranger = RecordingWebSocket()
            try #require(engine.webSocketOpened(stranger, handshake: handshake))
                .received(.text(#"40{"offset":"\#(offset)","pid":"\#(pid)"}"#))
            #expect(await stranger.waitFor { $0.hasPrefix("40{") }?.contains(sid) == false)
            group.cancelAll()
        }
    }
}

@Suite struct FloodTests {
    @Test func aClientThatFloodsFasterThanItIsServedIsDisconnected() async throws {
        let io = SocketIOServer(logger: Logger(label: "test"))
        let (release, releaser) = AsyncStream.makeStream(of: Void.self)
        io.of("/").onConnection { socket in
            socket.on("slow") { _, _ in
                for await _ in release { break }
            }
        }
        let engine = EngineIOServer(configuration: EngineIOConfiguration(), handler: io, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await io.run() }
            let (_, connection) = try await connectClient(to: engine)
            for _ in 0...(SocketIOClientLimits.maxQueuedPackets + 1) {
                connection.received(.text(#"42["slow"]"#))
            }
            #expect(connection.session.isClosed)
            releaser.finish()
            group.cancelAll()
        }
    }
}

@Suite struct ServerAckTests {
    @Test func emitWithAckReturnsTheAnswerOrTimesOut() async throws {
        var configuration = SocketIOConfiguration()
        configuration.ackTimeout = .milliseconds(200)
        let io = SocketIOServer(configuration: configuration, logger: Logger(label: "test"))
        let namespace = io.of("/")
        let engine = EngineIOServer(configuration: EngineIOConfiguration(), handler: io, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await io.run() }
            let (socket, connection) = try await connectClient(to: engine)
            let server = try #require(namespace.sockets().first)

            async let answer = server.emitWithAck("question", ["ready?"])
            let asked = try #require(await socket.waitFor { $0.contains("question") })
            #expect(asked == #"420["question","ready?"]"#)
            connection.received(.text(#"430["yes",1]"#))
            #expect(try await answer == ["yes", 1])

            await #expect(throws: SocketIOAckTimeout.self) { try await server.emitWithAck("ignored") }
            group.cancelAll()
        }
    }
}
