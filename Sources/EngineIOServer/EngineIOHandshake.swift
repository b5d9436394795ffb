/// What the client presented when it opened the session: query parameters, headers (lowercased names), address;
/// and, from the binding, the executor of the connection it arrived on.
public struct EngineIOHandshake: Sendable {
    public var query: [String: String]
    public var headers: [String: String]
    public var remoteAddress: String?
    /// Runs tasks on the thread that owns the client's connection (an event loop), so that work for
    /// the session, and the replies it sends, stay on that thread; nil when the binding has none.
    public var executor: (any TaskExecutor)?

    public init(query: [String: String], headers: [String: String], remoteAddress: String?, executor: (any TaskExecutor)? = nil) {
        self.query = query
        self.headers = headers
        self.remoteAddress = remoteAddress
        self.executor = executor
    }
}
