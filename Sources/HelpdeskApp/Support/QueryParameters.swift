import Hummingbird

/// A request's query string as strings, with repeated names kept.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    init(_ request: Request) {
        for (name, value) in request.uri.queryParameters {
            values[String(name), default: []].append(String(value))
        }
    }

    func get(_ name: String) -> String? {
        values[name]?.first
    }

    func getAll(_ name: String) -> [String] {
        values[name] ?? []
    }
}
