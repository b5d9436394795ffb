import Foundation

/// One Engine.IO packet: a type and an optional text or binary payload.
public struct EngineIOPacket: Sendable, Equatable {
    /// A packet's payload: UTF-8 text, or bytes (message packets only).
    public enum Payload: Sendable, Equatable {
        case text(String)
        case binary([UInt8])
    }

    public var type: EngineIOPacketType
    public var payload: Payload?

    public init(_ type: EngineIOPacketType, _ payload: Payload? = nil) {
        self.type = type
        self.payload = payload
    }

    public static func message(_ text: String) -> EngineIOPacket { EngineIOPacket(.message, .text(text)) }
    public static func message(_ bytes: [UInt8]) -> EngineIOPacket { EngineIOPacket(.message, .binary(bytes)) }

    /// Decodes a text packet, as carried by a WebSocket text frame or one record of a polling payload.
    public init(text: Substring) throws {
        guard let first = text.first, let type = EngineIOPacketType(digit: first) else {
            throw EngineIOError.invalidPacket
        }
        let rest = text.dropFirst()
        self.init(type, rest.isEmpty ? nil : .text(String(rest)))
    }

    /// A binary WebSocket frame is a message whose payload is the frame's bytes.
    public init(binaryFrame bytes: [UInt8]) {
        self.init(.message, .binary(bytes))
    }

    /// The packet as a WebSocket frame: text with its type digit, or the raw bytes of a binary message.
    public var webSocketFrame: Payload {
        switch payload {
        case .binary(let bytes): .binary(bytes)
        case .text(let text): .text(String(type.digit) + text)
        case nil: .text(String(type.digit))
        }
    }

    /// The packet as one record of a polling payload: binary is base64 behind a `b`.
    public var pollingRecord: String {
        switch payload {
        case .binary(let bytes): "b" + Data(bytes).base64EncodedString()
        case .text(let text): String(type.digit) + text
        case nil: String(type.digit)
        }
    }
}
