@testable import EngineIOServer
import Foundation
import Logging
import Synchronization
import Testing

/// Echoes every message back, as the protocol's reference test server does.
final class EchoHandler: EngineIOHandler {
    let closed = Mutex<[EngineIOCloseReason]>([])

    func sessionOpened(_ session: EngineIOSession) {}
    func session(_ session: EngineIOSession, received payload: EngineIOPacket.Payload) { session.send(payload) }
    func sessionClosed(_ session: EngineIOSession, reason: EngineIOCloseReason) { closed.withLock { $0.append(reason) } }
}

/// A WebSocket that records what the server sends.
final class RecordingWebSocket: EngineIOWebSocket {
    let frames = Mutex<[EngineIOPacket.Payload]>([])
    let isClosed = Mutex(false)

    func send(_ packet: EngineIOPacket) { frames.withLock { $0.append(packet.webSocketFrame) } }
    func close() { isClosed.withLock { $0 = true } }
    var sent: [EngineIOPacket.Payload] { frames.withLock { $0 } }
}

@Suite struct EngineIOServerTests {
    let handler = EchoHandler()
    let server: EngineIOServer

    init() {
        var configuration = EngineIOConfiguration()
        configuration.pingInterval = .milliseconds(300)
        configuration.pingTimeout = .milliseconds(200)
        server = EngineIOServer(configuration: configuration, handler: handler, logger: Logger(label: "test"))
    }

    static let handshake = EngineIOHandshake(query: [:], headers: [:], remoteAddress: nil)

    func request(_ method: EngineIOHTTPRequest.Method, _ query: [String: String], body: String = "") async -> EngineIOHTTPResponse {
        await server.handle(EngineIOHTTPRequest(method: method, query: query, origin: nil, body: Array(body.utf8)), handshake: Self.handshake)
    }

    func text(_ response: EngineIOHTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    func openPollingSession() async throws -> String {
        let response = await request(.get, ["EIO": "4", "transport": "polling"])
        #expect(response.status == 200)
        let body = text(response)
        #expect(body.hasPrefix("0{"))
        let json = try JSONSerialization.jsonObject(with: Data(body.dropFirst().utf8)) as? [String: Any]
        #expect(json?["upgrades"] as? [String] == ["websocket"])
        #expect(json?["pingInterval"] as? Int == 300)
        #expect(json?["pingTimeout"] as? Int == 200)
        #expect(json?["maxPayload"] as? Int == 1_000_000)
        return try #require(json?["sid"] as? String)
    }

    @Test func handshakeAndEcho() async throws {
        let sid = try await openPollingSession()
        let query = ["EIO": "4", "transport": "polling", "sid": sid]
        #expect(text(await request(.post, query, body: "4hello\u{1e}4world\u{1e}bAQIDBA==")) == "ok")
        #expect(text(await request(.get, query)) == "4hello\u{1e}4world\u{1e}bAQIDBA==")
    }

    @Test func badRequestsGetTheReferenceErrors() async throws {
        for (query, method, code) in [
            (["transport": "polling"], EngineIOHTTPRequest.Method.get, 5),
            (["EIO": "3", "transport": "polling"], .get, 5),
            (["EIO": "4"], .get, 0),
            (["EIO": "4", "transport": "carrier-pigeon"], .get, 0),
            (["EIO": "4", "transport": "polling"], .post, 2),
            (["EIO": "4", "transport": "polling", "sid": "unknown"], .get, 1),
        ] {
            let response = await request(method, query)
            #expect(response.status == 400)
            #expect(text(response).contains(#""code":\#(code)"#), "\(query)")
        }
    }

    @Test func closingAnswersThePendingPollWithNoop() async throws {
        let sid = try await openPollingSession()
        let query = ["EIO": "4", "transport": "polling", "sid": sid]
        async let poll = request(.get, query)
        try await waitForPendingPoll(sid)
        #expect(text(await request(.post, query, body: "1")) == "ok")
        #expect(text(await poll) == "6")
        #expect(await request(.get, query).status == 400)
        #expect(handler.closed.withLock { $0 } == [.clientClosed])
    }

    @Test func upgradeToWebSocket() async throws {
        let sid = try await openPollingSession()
        let query = ["EIO": "4", "transport": "polling", "sid": sid]
        let socket = RecordingWebSocket()
        let wsHandshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket", "sid": sid], headers: [:], remoteAddress: nil)
        let connection = try #require(server.webSocketOpened(socket, handshake: wsHandshake))
        #expect(server.webSocketOpened(RecordingWebSocket(), handshake: wsHandshake) == nil)
        async let poll = request(.get, query)
        try await waitForPendingPoll(sid)
        connection.received(.text("2probe"))
        #expect(socket.sent == [.text("3probe")])
        #expect(text(await poll) == "6")
        connection.received(.text("5"))
        connection.received(.text("4hi"))
        connection.received(.binary([1, 2]))
        #expect(socket.sent == [.text("3probe"), .text("4hi"), .binary([1, 2])])
        #expect(await request(.get, query).status == 400)
        connection.closed()
        #expect(handler.closed.withLock { $0 } == [.clientClosed])
        #expect(server.session(id: sid) == nil)
    }

    @Test func webSocketOnlySession() throws {
        let socket = RecordingWebSocket()
        let handshake = EngineIOHandshake(query: ["EIO": "4", "transport": "websocket"], headers: [:], remoteAddress: nil)
        let connection = try #require(server.webSocketOpened(socket, handshake: handshake))
        guard case .text(let open) = socket.sent.first else { Issue.record("no open packet"); return }
        #expect(open.hasPrefix("0{") && open.contains(#""upgrades":[]"#))
        connection.received(.text("4echo"))
        #expect(socket.sent.last == .text("4echo"))
        connection.received(.text("garbage"))
        #expect(socket.isClosed.withLock { $0 })
        #expect(handler.closed.withLock { $0 } == [.parseError])
    }

    @Test func concurrentPollsCloseTheSession() async throws {
        let sid = try await openPollingSession()
        let query = ["EIO": "4", "transport": "polling", "sid": sid]
        async let first = request(.get, query)
        try await waitForPendingPoll(sid)
        #expect(await request(.get, query).status == 400)
        #expect(text(await first) == "6")
        #expect(server.session(id: sid) == nil)
    }

    @Test func aPollingClientThatStopsPollingIsClosedWhenItsBufferIsFull() async throws {
        var configuration = server.configuration
        configuration.maxBufferedBytes = 10_000
        let server = EngineIOServer(configuration: configuration, handler: handler, logger: Logger(label: "test"))
        let opened = await server.handle(EngineIOHTTPRequest(method: .get, query: ["EIO": "4", "transport": "polling"], origin: nil, body: []), handshake: Self.handshake)
        let json = try JSONSerialization.jsonObject(with: Data(text(opened).dropFirst().utf8)) as? [String: Any]
        let sid = try #require(json?["sid"] as? String)
        let session = try #require(server.session(id: sid))
        for _ in 0..<9 { session.send(.text(String(repeating: "x", count: 1_000))) }
        #expect(!session.isClosed)
        session.send(.text(String(repeating: "x", count: 1_000)))
        #expect(session.isClosed)
        #expect(handler.closed.withLock { $0 } == [.bufferFull])
    }

    @Test func timerResolutionFollowsTheHeartbeat() {
        #expect(EngineIOServer.timerResolution(server.configuration) == .milliseconds(20))
        #expect(EngineIOServer.timerResolution(EngineIOConfiguration()) == .seconds(1))
    }

    /// Waits (up to 2 s) until the session's long poll is parked on the server.
    private func waitForPendingPoll(_ sid: String) async throws {
        let deadline = ContinuousClock.now + .seconds(2)
        while server.session(id: sid)?.hasPendingPoll != true {
            guard ContinuousClock.now < deadline else {
                Issue.record("the poll never arrived")
                return
            }
            await Task.yield()
        }
    }
}
