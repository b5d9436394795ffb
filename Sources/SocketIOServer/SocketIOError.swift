/// Protocol violations found while reading Socket.IO input.
public enum SocketIOError: Error, Equatable, Sendable {
    /// The text is not a Socket.IO packet.
    case invalidPacket(String)
    /// A binary frame arrived when no packet was waiting for attachments.
    case unexpectedAttachment
}
