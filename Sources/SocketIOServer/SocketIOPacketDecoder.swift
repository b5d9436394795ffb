/// Decodes Socket.IO packets; a binary packet is complete once all its attachments have arrived.
public struct SocketIOPacketDecoder: Sendable {
    private var pending: (packet: SocketIOPacket, expected: Int, received: [[UInt8]])?

    public init() {}

    /// Whether a binary packet is waiting for attachments.
    public var isAwaitingAttachments: Bool { pending != nil }

    /// Decodes the text part of a packet; nil while its attachments are still to come.
    public mutating func decode(text: String) throws -> SocketIOPacket? {
        guard pending == nil else { throw SocketIOError.invalidPacket("expected a binary attachment") }
        var reader = Substring(text)
        guard let first = reader.first, let digit = first.wholeNumberValue, let type = SocketIOPacketType(rawValue: digit) else {
            throw SocketIOError.invalidPacket("unknown packet type")
        }
        reader = reader.dropFirst()
        var attachmentCount = 0
        if type.isBinary {
            guard let dash = reader.firstIndex(of: "-"), let count = Int(reader[..<dash]), count >= 0 else {
                throw SocketIOError.invalidPacket("missing attachment count")
            }
            attachmentCount = count
            reader = reader[reader.index(after: dash)...]
        }
        var namespace = "/"
        if reader.first == "/" {
            let end = reader.firstIndex(of: ",") ?? reader.endIndex
            namespace = String(reader[..<end])
            reader = end == reader.endIndex ? reader[end...] : reader[reader.index(after: end)...]
        }
        var id: Int?
        let digits = reader.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty {
            guard let value = Int(digits) else { throw SocketIOError.invalidPacket("invalid ack id") }
            id = value
            reader = reader.dropFirst(digits.count)
        }
        var data: JSONValue?
        if !reader.isEmpty {
            data = try JSONValue(jsonText: reader)
        }
        let packet = SocketIOPacket(type, namespace: namespace, data: data, id: id)
        try Self.validate(packet)
        if attachmentCount > 0 {
            pending = (packet, attachmentCount, [])
            return nil
        }
        return packet
    }

    /// Adds one attachment; returns the packet once it has all of them.
    public mutating func decode(attachment: [UInt8]) throws -> SocketIOPacket? {
        guard var waiting = pending else { throw SocketIOError.unexpectedAttachment }
        waiting.received.append(attachment)
        guard waiting.received.count == waiting.expected else {
            pending = waiting
            return nil
        }
        pending = nil
        var packet = waiting.packet
        packet.data = try packet.data.map { try Self.insertBinary($0, from: waiting.received) }
        return packet
    }

    private static func insertBinary(_ value: JSONValue, from attachments: [[UInt8]]) throws -> JSONValue {
        switch value {
        case .object(let object) where object["_placeholder"] == true:
            guard case .integer(let number)? = object["num"], attachments.indices.contains(Int(number)) else {
                throw SocketIOError.invalidPacket("placeholder without its attachment")
            }
            return .binary(attachments[Int(number)])
        case .array(let items):
            return .array(try items.map { try insertBinary($0, from: attachments) })
        case .object(let object):
            return .object(try object.mapValues { try insertBinary($0, from: attachments) })
        default:
            return value
        }
    }

    /// The payload rules of the reference parser.
    private static func validate(_ packet: SocketIOPacket) throws {
        let valid: Bool
        switch (packet.type, packet.data) {
        case (.connect, nil), (.connect, .object?): valid = true
        case (.disconnect, nil): valid = true
        case (.connectError, .string?), (.connectError, .object?): valid = true
        case (.event, .array(let items)?), (.binaryEvent, .array(let items)?):
            switch items.first {
            case .string?, .integer?, .double?: valid = true
            default: valid = false
            }
        case (.ack, .array?), (.binaryAck, .array?): valid = true
        default: valid = false
        }
        guard valid else { throw SocketIOError.invalidPacket("invalid payload for \(packet.type)") }
    }
}
