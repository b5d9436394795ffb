import EngineIOServer

/// What a client presented when joining a namespace: the Engine.IO handshake and the CONNECT `auth` payload.
public struct SocketIOHandshake: Sendable {
    public var engine: EngineIOHandshake
    public var auth: JSONValue

    public init(engine: EngineIOHandshake, auth: JSONValue) {
        self.engine = engine
        self.auth = auth
    }
}
