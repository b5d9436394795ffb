/// A published broadcast with the offset it was given, as the adapter hands it to each server.
public struct SocketIOClusterDelivery: Sendable, Equatable {
    public var offset: String
    public var broadcast: SocketIOClusterBroadcast

    public init(offset: String, broadcast: SocketIOClusterBroadcast) {
        self.offset = offset
        self.broadcast = broadcast
    }
}
