/// A socket's rooms saved under its private id, so that a client may resume it on any node.
public struct ClusterSession: Sendable, Equatable {
    public var pid: String
    public var socketID: String
    public var rooms: [String]
    public var userID: String?

    public init(pid: String, socketID: String, rooms: [String], userID: String?) {
        self.pid = pid
        self.socketID = socketID
        self.rooms = rooms
        self.userID = userID
    }
}
