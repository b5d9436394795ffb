import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// An Engine.IO v4 server: handshakes, long-polling, WebSocket sessions and upgrades, heartbeats.
///
/// Framework-free: a binding hands it polling requests and WebSockets. As a `Service` it runs the
/// heartbeat timer and closes every session on graceful shutdown.
public final class EngineIOServer: Service {
    public let configuration: EngineIOConfiguration
    private let handler: any EngineIOHandler
    private let sessions = Mutex<[String: EngineIOSession]>([:])
    private let logger: Logger

    public init(configuration: EngineIOConfiguration, handler: any EngineIOHandler, logger: Logger) {
        self.configuration = configuration
        self.handler = handler
        self.logger = logger
    }

    public func session(id: String) -> EngineIOSession? {
        sessions.withLock { $0[id] }
    }

    // MARK: - Long-polling

    /// Answers one HTTP request on the Engine.IO path.
    public func handle(_ request: EngineIOHTTPRequest, handshake: EngineIOHandshake) async -> EngineIOHTTPResponse {
        let cors = corsHeaders(origin: request.origin)
        if request.method == .options {
            return EngineIOHTTPResponse(status: 204, headers: cors + [
                ("Access-Control-Allow-Methods", "GET, POST"), ("Access-Control-Allow-Headers", "Content-Type"),
            ])
        }
        var response = await respond(to: request, handshake: handshake)
        response.headers += cors
        return response
    }

    private func respond(to request: EngineIOHTTPRequest, handshake: EngineIOHandshake) async -> EngineIOHTTPResponse {
        if let error = validate(request.query) { return .error(error) }
        guard request.query["transport"] == "polling" else { return .error(.badRequest) }
        guard let sid = request.query["sid"] else {
            guard request.method == .get else { return .error(.badHandshakeMethod) }
            let session = open(handshake: handshake, webSocket: nil)
            return .text(session.openPacket(upgrades: ["websocket"]).pollingRecord)
        }
        guard let session = session(id: sid) else { return .error(.unknownSession) }
        switch request.method {
        case .get: return await session.poll()
        case .post: return session.receive(pollingBody: request.body)
        case .options, .other: return .error(.badRequest)
        }
    }

    // MARK: - WebSocket

    /// Whether a WebSocket upgrade request may proceed; the binding refuses the upgrade otherwise.
    /// (Origins are the application's to judge, in its connect middleware.)
    public func shouldAcceptWebSocket(query: [String: String]) -> Bool {
        guard validate(query) == nil, query["transport"] == "websocket" else { return false }
        if let sid = query["sid"] { return session(id: sid) != nil }
        return true
    }

    /// A WebSocket opened: a new session, or the upgrade of a polling one. Nil means close it at once.
    public func webSocketOpened(_ socket: any EngineIOWebSocket, handshake: EngineIOHandshake) -> EngineIOWebSocketConnection? {
        guard shouldAcceptWebSocket(query: handshake.query) else { return nil }
        if let sid = handshake.query["sid"] {
            guard let session = session(id: sid), session.beginUpgrade(socket) else { return nil }
            return EngineIOWebSocketConnection(session: session, socket: socket)
        }
        let session = open(handshake: handshake, webSocket: socket)
        socket.send(session.openPacket(upgrades: []))
        return EngineIOWebSocketConnection(session: session, socket: socket)
    }

    // MARK: - Sessions

    private func open(handshake: EngineIOHandshake, webSocket: (any EngineIOWebSocket)?) -> EngineIOSession {
        let session = EngineIOSession(
            id: Self.makeSessionID(), handshake: handshake, webSocket: webSocket,
            configuration: configuration, handler: handler,
            removeFromServer: { [weak self] id in self?.sessions.withLock { _ = $0.removeValue(forKey: id) } }
        )
        sessions.withLock { $0[session.id] = session }
        logger.debug("Engine.IO session opened", metadata: ["sid": "\(session.id)"])
        handler.sessionOpened(session)
        return session
    }

    private func validate(_ query: [String: String]) -> EngineIORequestError? {
        guard query["EIO"] == "4" else { return .unsupportedProtocolVersion }
        guard let transport = query["transport"], ["polling", "websocket"].contains(transport) else { return .unknownTransport }
        return nil
    }

    private func isAllowed(_ origin: String) -> Bool {
        configuration.allowedOrigins.contains("*") || configuration.allowedOrigins.contains(origin)
    }

    private func corsHeaders(origin: String?) -> [(String, String)] {
        guard let origin, isAllowed(origin) else { return [] }
        return [("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Credentials", "true"), ("Vary", "Origin")]
    }

    /// 20 URL-safe random characters, like the reference server's ids.
    public static func makeSessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<15).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    // MARK: - Service

    /// Ticks every session's heartbeat until shutdown, then closes them all.
    public func run() async throws {
        let resolution = Self.timerResolution(configuration)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: resolution)
                let now = ContinuousClock.now
                for session in self.sessions.withLock({ Array($0.values) }) {
                    session.tick(now: now)
                }
            }
        }
        for session in sessions.withLock({ Array($0.values) }) {
            session.close()
        }
    }

    /// A tenth of the shorter heartbeat period, between 10 ms and 1 s.
    static func timerResolution(_ configuration: EngineIOConfiguration) -> Duration {
        let shorter = min(configuration.pingInterval, configuration.pingTimeout) / 10
        return min(max(shorter, .milliseconds(10)), .seconds(1))
    }
}
