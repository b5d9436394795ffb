/// A ticket as one viewer sees it: with that viewer's unread count and the customer's.
public struct TicketView: Sendable, Equatable {
    public var ticket: Ticket
    /// Messages the viewer has not read yet (not counting their own).
    public var unreadCount: Int
    /// Messages the ticket's customer has not read yet.
    public var unreadByCustomer: Int

    public init(ticket: Ticket, unreadCount: Int, unreadByCustomer: Int) {
        self.ticket = ticket
        self.unreadCount = unreadCount
        self.unreadByCustomer = unreadByCustomer
    }
}
