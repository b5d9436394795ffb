/// A ticket with its newest messages and its whole activity log.
public struct TicketDetail: Sendable, Equatable {
    public var view: TicketView
    public var messages: [Message]
    /// Whether older messages exist before the first one returned.
    public var hasOlderMessages: Bool
    public var activities: [Activity]

    public init(view: TicketView, messages: [Message], hasOlderMessages: Bool, activities: [Activity]) {
        self.view = view
        self.messages = messages
        self.hasOlderMessages = hasOlderMessages
        self.activities = activities
    }
}
