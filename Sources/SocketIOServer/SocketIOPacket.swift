/// One Socket.IO packet; binary buffers live inside `data` as `.binary` values.
public struct SocketIOPacket: Sendable, Equatable {
    public var type: SocketIOPacketType
    public var namespace: String
    public var data: JSONValue?
    public var id: Int?

    public init(_ type: SocketIOPacketType, namespace: String = "/", data: JSONValue? = nil, id: Int? = nil) {
        self.type = type
        self.namespace = namespace
        self.data = data
        self.id = id
    }
}
