import Foundation

/// A customer's request for help and everything the desk knows about its state.
public struct Ticket: Codable, Sendable, Equatable {
    public var id: String
    public var ticketNumber: String
    public var title: String
    public var category: String
    public var customerId: String
    public var customerName: String
    public var customerEmail: String
    public var customerAvatar: String?
    public var status: TicketStatus
    public var priority: TicketPriority
    public var assigneeId: String?
    public var assigneeName: String?
    public var assigneeAvatar: String?
    /// A preview of the newest message.
    public var lastMessage: String?
    public var lastMessageAt: Date?
    /// The sequence number of the newest message; messages are numbered 1, 2, 3… per ticket.
    public var lastSeq: Int
    /// When the ticket must be resolved; while it is resolved or closed, the deadline it had then.
    public var slaDeadline: Date
    public var sla: TicketSla

    /// The nearest deadline among the clocks that run: first response, next response and resolution.
    public var nextSlaDeadline: Date {
        [sla.firstResponseDue, sla.nextResponseDue, slaDeadline].compactMap { $0 }.min()!
    }
    public var createdAt: Date
    public var updatedAt: Date
    public var resolvedAt: Date?
    public var closedAt: Date?
    /// The customer's latest rating, of this resolution or an earlier one.
    public var rating: TicketRating?

    public init(
        id: String, ticketNumber: String, title: String, category: String,
        customerId: String, customerName: String, customerEmail: String, customerAvatar: String? = nil,
        status: TicketStatus = .open, priority: TicketPriority,
        assigneeId: String? = nil, assigneeName: String? = nil, assigneeAvatar: String? = nil,
        lastMessage: String? = nil, lastMessageAt: Date? = nil, lastSeq: Int = 0,
        slaDeadline: Date, createdAt: Date, updatedAt: Date,
        resolvedAt: Date? = nil, closedAt: Date? = nil, sla: TicketSla = TicketSla(), rating: TicketRating? = nil
    ) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.title = title
        self.category = category
        self.customerId = customerId
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerAvatar = customerAvatar
        self.status = status
        self.priority = priority
        self.assigneeId = assigneeId
        self.assigneeName = assigneeName
        self.assigneeAvatar = assigneeAvatar
        self.lastMessage = lastMessage
        self.lastMessageAt = lastMessageAt
        self.lastSeq = lastSeq
        self.slaDeadline = slaDeadline
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.sla = sla
        self.rating = rating
    }
}
