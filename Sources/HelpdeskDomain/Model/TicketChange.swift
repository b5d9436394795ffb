/// A ticket's new state plus the messages and activity entries written with it in one transaction.
public struct TicketChange: Sendable, Equatable {
    public var ticket: Ticket
    public var messages: [Message]
    public var activities: [Activity]

    public init(ticket: Ticket, messages: [Message] = [], activities: [Activity] = []) {
        self.ticket = ticket
        self.messages = messages
        self.activities = activities
    }
}
