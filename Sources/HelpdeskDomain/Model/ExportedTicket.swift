/// One ticket of an export, with its messages and activity when the export includes them.
public struct ExportedTicket: Sendable, Equatable {
    public var ticket: Ticket
    public var messages: [Message]
    public var activities: [Activity]

    public init(ticket: Ticket, messages: [Message] = [], activities: [Activity] = []) {
        self.ticket = ticket
        self.messages = messages
        self.activities = activities
    }
}
