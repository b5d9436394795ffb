/// What a person fills in to open a ticket; `content` becomes the first message.
public struct NewTicket: Sendable, Equatable {
    public var title: String
    public var category: String
    public var priority: TicketPriority
    public var content: String

    public init(title: String, category: String, priority: TicketPriority = .medium, content: String) {
        self.title = title
        self.category = category
        self.priority = priority
        self.content = content
    }
}
