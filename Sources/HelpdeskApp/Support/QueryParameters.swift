import Foundation
import HelpdeskDomain
import Hummingbird

/// A request's query string decoded as HTML forms and `URLSearchParams` encode it (`+` is a space),
/// with repeated names kept.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    init(_ request: Request) {
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    func get(_ name: String) -> String? {
        values[name]?.first
    }

    func getAll(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// A whole-number parameter (0 or more).
    func integer(_ name: String) throws -> Int? {
        guard let text = get(name) else { return nil }
        guard let value = Int(text), value >= 0 else { throw RequestError.invalidParameter(name, "must be a whole number ≥ 0") }
        return value
    }

    /// A time parameter: ISO 8601 with or without milliseconds, or a plain date (midnight UTC).
    func time(_ name: String) throws -> Date? {
        guard let text = get(name) else { return nil }
        let withMilliseconds = ISO8601DateFormatter()
        withMilliseconds.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard let date = withMilliseconds.date(from: text) ?? ISO8601DateFormatter().date(from: text) ?? day.date(from: text) else {
            throw HelpdeskError.invalidField(name, "must be a date like 2026-11-01 or a time like 2026-11-01T08:00:00Z")
        }
        return date
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
