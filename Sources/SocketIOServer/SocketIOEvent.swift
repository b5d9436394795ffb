/// An event a client emitted: its name, arguments, and the ack callback if it wants one.
public struct SocketIOEvent: Sendable {
    public var name: String
    public var arguments: [JSONValue]
    public var ack: SocketIOAck?
}
