import EngineIOServer
import Foundation
import Logging
import SocketIOServer
import Synchronization
import Testing

/// A WebSocket that records frames and lets a test wait for them.
final class RecordingWebSocket: EngineIOWebSocket {
    private let frames = Mutex<[EngineIOPacket.Payload]>([])

    func send(_ frame: EngineIOPacket.Payload) { frames.withLock { $0.append(frame) } }
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
            try await body(io) {
                let socket = RecordingWebSocket()
                let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil)
                let connection = try #require(engine.webSocketOpened(socket, handshake: handshake))
                connection.received(.text("40"))
                #expect(await socket.waitFor { $0.hasPrefix("40{\"sid\"") } != nil)
                return (socket, connection)
            }
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

    @Test func disconnectingLeavesEveryRoom() async throws {
        try await withServer { io, connect in
            let (alice, connection) = try await connect()
            connection.received(.text(#"421["join","agents"]"#))
            #expect(await alice.waitFor { $0.hasPrefix("431") } != nil)
            #expect(io.of("/").sockets(inRooms: ["agents"]).count == 1)
            connection.received(.text("41"))
            let deadline = ContinuousClock.now + .seconds(2)
            while io.of("/").socketCount > 0, ContinuousClock.now < deadline { await Task.yield() }
            #expect(io.of("/").sockets(inRooms: ["agents"]).isEmpty)
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
            #expect(await refused.waitFor { $0.hasPrefix("44") } == #"44{"data":{"code":"UNAUTHORIZED"},"message":"Unauthorized"}"#)
            let allowed = RecordingWebSocket()
            try #require(engine.webSocketOpened(allowed, handshake: handshake)).received(.text(#"40{"token":"letmein"}"#))
            #expect(await allowed.waitFor { $0.hasPrefix("40{") } != nil)
            #expect(io.of("/").sockets().first?.context as? String == "user-1")
            group.cancelAll()
        }
    }
}
