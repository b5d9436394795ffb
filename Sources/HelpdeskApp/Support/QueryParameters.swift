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

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
