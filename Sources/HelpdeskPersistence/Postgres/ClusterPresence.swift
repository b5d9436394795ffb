/// One socket of a person in a ticket, through one node.
public struct ClusterPresence: Sendable, Equatable {
    public var ticketID: String
    public var socketID: String
    public var userID: String
    public var userName: String
    public var userRole: String

    public init(ticketID: String, socketID: String, userID: String, userName: String, userRole: String) {
        self.ticketID = ticketID
        self.socketID = socketID
        self.userID = userID
        self.userName = userName
        self.userRole = userRole
    }
}
