/// One page of a ticket list and where the next one starts.
public struct TicketPage: Sendable, Equatable {
    public var items: [TicketView]
    public var nextCursor: TicketCursor?

    public init(items: [TicketView], nextCursor: TicketCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
