/// What the client presented when it opened the session: query parameters, headers (lowercased names), address.
public struct EngineIOHandshake: Sendable {
    public var query: [String: String]
    public var headers: [String: String]
    public var remoteAddress: String?

    public init(query: [String: String], headers: [String: String], remoteAddress: String?) {
        self.query = query
        self.headers = headers
        self.remoteAddress = remoteAddress
    }
}
