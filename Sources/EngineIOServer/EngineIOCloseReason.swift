/// Why a session ended.
public enum EngineIOCloseReason: String, Sendable {
    case clientClosed = "transport close"
    case pingTimeout = "ping timeout"
    case transportError = "transport error"
    case parseError = "parse error"
    case serverClosed = "forced close"
    case serverShutdown = "server shutting down"
    case bufferFull = "buffer full"
}
