/// Thrown by connect middleware to refuse a namespace connection; becomes a CONNECT_ERROR packet.
public struct SocketIOConnectError: Error, Sendable, Equatable {
    public var message: String
    public var data: JSONValue?

    public init(message: String, data: JSONValue? = nil) {
        self.message = message
        self.data = data
    }

    var payload: JSONValue {
        var object: JSONObject = ["message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}
