/// The knobs of the Socket.IO layer.
public struct SocketIOConfiguration: Sendable {
    /// How long a client may take to connect to a namespace before its connection is closed.
    public var connectTimeout: Duration = .seconds(45)
    /// How long `emitWithAck` waits for the client's answer.
    public var ackTimeout: Duration = .seconds(10)

    public init() {}
}
