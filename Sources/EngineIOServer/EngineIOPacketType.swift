/// The seven Engine.IO packet types, written as one ASCII digit on the wire.
public enum EngineIOPacketType: UInt8, Sendable, CaseIterable {
    case open = 0
    case close = 1
    case ping = 2
    case pong = 3
    case message = 4
    case upgrade = 5
    case noop = 6

    /// The ASCII digit that starts an encoded packet.
    var digit: Character { Character(Unicode.Scalar(asciiDigit)) }

    /// The digit as the byte it is on the wire.
    public var asciiDigit: UInt8 { UInt8(ascii: "0") + rawValue }

    init?(digit: Character) {
        guard let ascii = digit.asciiValue, ascii >= UInt8(ascii: "0") else { return nil }
        self.init(rawValue: ascii - UInt8(ascii: "0"))
    }
}
