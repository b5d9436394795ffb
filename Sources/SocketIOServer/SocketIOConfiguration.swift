/// The knobs of the Socket.IO layer.
public struct SocketIOConfiguration: Sendable {
    /// How long a client may take to connect to a namespace before its connection is closed.
    public var connectTimeout: Duration = .seconds(45)
    /// How long `emitWithAck` waits for the client's answer.
    public var ackTimeout: Duration = .seconds(10)
    /// Connection-state recovery (Socket.IO 4.6): how long a dropped client may come back with its
    /// `pid` and last offset to get its id, rooms and missed broadcasts back; nil turns it off.
    /// When on, every broadcast event carries its offset as a last argument, as the reference server does.
    public var recoveryWindow: Duration?
    /// The most memory, in bytes, that the broadcasts kept for recovery take per namespace; past it
    /// the oldest leave before the window ends.
    public var maxRecoveryLogBytes = 32 << 20

    public init() {}
}
