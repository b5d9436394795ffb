import Foundation

/// The HTTP long-polling body: packets joined by the record separator `\u{1e}`.
public enum PollingPayload {
    public static let separator: Character = "\u{1e}"

    public static func encode(_ packets: [EngineIOPacket]) -> String {
        packets.map(\.pollingRecord).joined(separator: String(separator))
    }

    public static func decode(_ body: String) throws -> [EngineIOPacket] {
        guard !body.isEmpty else { throw EngineIOError.invalidPacket }
        return try body.split(separator: separator, omittingEmptySubsequences: false).map { record in
            if record.first == "b" {
                guard let data = Data(base64Encoded: String(record.dropFirst())) else { throw EngineIOError.invalidPacket }
                return .message(Array(data))
            }
            return try EngineIOPacket(text: record)
        }
    }
}
