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
        let data = packet.data.map { $0.containsBinary ? extractBinary($0, into: &attachments) : $0 }
        var type = packet.type
        if !attachments.isEmpty {
            if type == .event { type = .binaryEvent }
            if type == .ack { type = .binaryAck }
        }
        var text: [UInt8] = []
        text.reserveCapacity(256)
        text.append(contentsOf: String(type.rawValue).utf8)
        if type.isBinary { text.append(contentsOf: "\(attachments.count)-".utf8) }
        if packet.namespace != "/" { text.append(contentsOf: (packet.namespace + ",").utf8) }
        if let id = packet.id { text.append(contentsOf: String(id).utf8) }
        if let data { JSONWriter.write(data, into: &text) }
        return Encoded(text: String(decoding: text, as: UTF8.self), attachments: attachments)
    }

    /// Replaces buffers with placeholders, rebuilding the containers on the way; only called when there are buffers.
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
