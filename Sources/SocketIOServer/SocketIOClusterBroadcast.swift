/// A broadcast as servers exchange it: the namespace, the audience, and the event with its arguments.
public struct SocketIOClusterBroadcast: Sendable, Equatable {
    public var namespace: String
    /// Every socket of the namespace when empty.
    public var rooms: Set<String>
    public var excludedRooms: Set<String>
    public var excludedSockets: Set<String>
    /// The event's name followed by its arguments.
    public var data: [JSONValue]

    public init(namespace: String, rooms: Set<String>, excludedRooms: Set<String>, excludedSockets: Set<String>, data: [JSONValue]) {
        self.namespace = namespace
        self.rooms = rooms
        self.excludedRooms = excludedRooms
        self.excludedSockets = excludedSockets
        self.data = data
    }

    /// Whether a socket with this id, in these rooms, is in the audience.
    public func reaches(socketID: String, rooms socketRooms: Set<String>) -> Bool {
        guard !excludedSockets.contains(socketID), excludedRooms.isDisjoint(with: socketRooms) else { return false }
        return rooms.isEmpty || !rooms.isDisjoint(with: socketRooms)
    }
}
