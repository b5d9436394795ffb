/// The Socket.IO room names the desk uses.
enum TicketRooms {
    /// Everyone looking at one ticket's conversation.
    static func ticket(_ id: String) -> String { "ticket:" + id }
    /// One user's connections, for their ticket list.
    static func user(_ id: String) -> String { "user:" + id }
    /// Every connected agent and admin, for the agents' ticket list.
    static let agents = "agents"
}
