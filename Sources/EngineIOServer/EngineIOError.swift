/// Protocol violations found while reading Engine.IO input.
public enum EngineIOError: Error, Equatable, Sendable {
    /// Not a packet: empty, an unknown type, or bad base64.
    case invalidPacket
}
