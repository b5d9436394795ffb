import Foundation

/// JSON as the API speaks it: camelCase keys and ISO 8601 UTC dates with milliseconds.
enum WireJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(WireTimestamp.string(date))
        }
        return encoder
    }
}
