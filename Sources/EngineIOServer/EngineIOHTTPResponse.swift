/// The answer to a polling request, for the binding to write out.
public struct EngineIOHTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func text(_ text: String, status: Int = 200) -> EngineIOHTTPResponse {
        EngineIOHTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=UTF-8")], body: Array(text.utf8))
    }

    /// The reference server's error answer: `{"code":N,"message":"…"}`.
    static func error(_ error: EngineIORequestError) -> EngineIOHTTPResponse {
        let body = #"{"code":\#(error.rawValue),"message":"\#(error.message)"}"#
        return EngineIOHTTPResponse(
            status: 400, headers: [("Content-Type", "application/json")], body: Array(body.utf8)
        )
    }

    public static func == (lhs: EngineIOHTTPResponse, rhs: EngineIOHTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
    }
}
