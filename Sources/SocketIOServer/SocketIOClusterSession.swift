/// A dropped socket restored from the cluster: its id, its rooms, and what it missed, oldest first.
public struct SocketIOClusterSession: Sendable {
    public var socketID: String
    public var rooms: Set<String>
    public var missed: [SocketIOClusterDelivery]

    public init(socketID: String, rooms: Set<String>, missed: [SocketIOClusterDelivery]) {
        self.socketID = socketID
        self.rooms = rooms
        self.missed = missed
    }
}
