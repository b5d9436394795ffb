/// Encodes Socket.IO packets as `<type>[<attachments>-][<namespace>,][<id>][<json>]` plus binary attachments.
public enum SocketIOPacketEncoder {
    /// The text part and the attachments that follow it, one Engine.IO message each.
    public struct Encoded: Sendable, Equatable {
        public var text: String
        public var attachments: [[UInt8]]

        public init(text: String, attachments: [[UInt8]]) {
            self.text = text
            self.attachments = attachments
        }
    }

    public static func encode(_ packet: SocketIOPacket) -> Encoded {
        var attachments: [[UInt8]] = []
        let data = packet.data.map { extractBinary($0, into: &attachments) }
        var type = packet.type
        if !attachments.isEmpty {
            if type == .event { type = .binaryEvent }
            if type == .ack { type = .binaryAck }
        }
        var text = String(type.rawValue)
        if type.isBinary { text += "\(attachments.count)-" }
        if packet.namespace != "/" { text += packet.namespace + "," }
        if let id = packet.id { text += String(id) }
        if let data { text += data.jsonText }
        return Encoded(text: text, attachments: attachments)
    }

    private static func extractBinary(_ value: JSONValue, into attachments: inout [[UInt8]]) -> JSONValue {
        switch value {
        case .binary(let bytes):
            attachments.append(bytes)
            return ["_placeholder": true, "num": .integer(Int64(attachments.count - 1))]
        case .array(let items):
            return .array(items.map { extractBinary($0, into: &attachments) })
        case .object(let object):
            return .object(object.mapValues { extractBinary($0, into: &attachments) })
        default:
            return value
        }
    }
}
