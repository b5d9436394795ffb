/// A polling request as the transport binding hands it over: no web framework types.
public struct EngineIOHTTPRequest: Sendable {
    public enum Method: Sendable {
        case get
        case post
        case options
        case other
    }

    public var method: Method
    public var query: [String: String]
    public var origin: String?
    public var body: [UInt8]

    public init(method: Method, query: [String: String], origin: String?, body: [UInt8] = []) {
        self.method = method
        self.query = query
        self.origin = origin
        self.body = body
    }
}
