/// A ticket with its newest messages, its whole activity log and its readers' positions.
public struct TicketDetail: Sendable, Equatable {
    public var view: TicketView
    public var messages: [Message]
    /// Whether older messages exist before the first one returned.
    public var hasOlderMessages: Bool
    public var activities: [Activity]
    /// How far each reader has got, for read receipts.
    public var readCursors: [ReadCursor]

    public init(view: TicketView, messages: [Message], hasOlderMessages: Bool, activities: [Activity], readCursors: [ReadCursor] = []) {
        self.view = view
        self.messages = messages
        self.hasOlderMessages = hasOlderMessages
        self.activities = activities
        self.readCursors = readCursors
    }
}
