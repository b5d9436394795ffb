/// The knobs of an Engine.IO server, sent to clients in the handshake where they concern them.
public struct EngineIOConfiguration: Sendable {
    public var pingInterval: Duration = .seconds(25)
    public var pingTimeout: Duration = .seconds(20)
    /// The largest payload, in bytes, a client may send in one request or frame.
    public var maxPayload = 1_000_000
    /// How long a WebSocket may take to finish an upgrade after its probe.
    public var upgradeTimeout: Duration = .seconds(10)
    /// Bytes waiting for a slow client beyond which its session is closed.
    public var maxBufferedBytes = 4 << 20
    /// Origins whose cross-origin polling requests get CORS headers; `["*"]` allows any.
    public var allowedOrigins: [String] = []

    public init() {}
}
