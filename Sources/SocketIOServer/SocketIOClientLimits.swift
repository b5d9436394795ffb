/// Limits every Socket.IO client lives within.
public enum SocketIOClientLimits {
    /// Packets a client may have waiting to be handled before it is disconnected for flooding.
    public static let maxQueuedPackets = 1_000
}
