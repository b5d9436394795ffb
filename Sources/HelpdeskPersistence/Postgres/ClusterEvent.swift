/// A broadcast to sockets as nodes share it through PostgreSQL: its audience and its event as JSON text.
public struct ClusterEvent: Sendable, Codable, Equatable {
    /// Given by the database when published; orders every node's relaying and is the clients' offset.
    public var id: Int64
    public var namespace: String
    public var rooms: [String]
    public var excludedRooms: [String]
    public var excludedSockets: [String]
    /// The event's name and arguments as a JSON array.
    public var data: String

    public init(id: Int64 = 0, namespace: String, rooms: [String], excludedRooms: [String], excludedSockets: [String], data: String) {
        self.id = id
        self.namespace = namespace
        self.rooms = rooms
        self.excludedRooms = excludedRooms
        self.excludedSockets = excludedSockets
        self.data = data
    }
}
