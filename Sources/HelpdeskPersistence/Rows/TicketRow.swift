import Foundation
import HelpdeskDomain

/// A `tickets` row with the viewer's unread counts.
struct TicketRow: Decodable {
    var id: String
    var ticketNumber: String
    var title: String
    var category: String
    var customerId: String
    var customerName: String
    var customerEmail: String
    var customerAvatar: String?
    var status: String
    var priority: String
    var priorityRank: Int64
    var assigneeId: String?
    var assigneeName: String?
    var assigneeAvatar: String?
    var lastMessage: String?
    var lastMessageAt: Int64?
    var lastSeq: Int
    var slaDeadline: Int64
    var createdAt: Int64
    var updatedAt: Int64
    var resolvedAt: Int64?
    var closedAt: Int64?
    var unreadCount: Int
    var unreadByCustomer: Int

    var view: TicketView {
        let ticket = Ticket(
            id: id, ticketNumber: ticketNumber, title: title, category: category,
            customerId: customerId, customerName: customerName, customerEmail: customerEmail,
            customerAvatar: customerAvatar, status: TicketStatus(rawValue: status) ?? .open,
            priority: TicketPriority(rawValue: priority) ?? .medium,
            assigneeId: assigneeId, assigneeName: assigneeName, assigneeAvatar: assigneeAvatar,
            lastMessage: lastMessage, lastMessageAt: lastMessageAt.map(Date.init(epochMilliseconds:)),
            lastSeq: lastSeq, slaDeadline: Date(epochMilliseconds: slaDeadline),
            createdAt: Date(epochMilliseconds: createdAt), updatedAt: Date(epochMilliseconds: updatedAt),
            resolvedAt: resolvedAt.map(Date.init(epochMilliseconds:)), closedAt: closedAt.map(Date.init(epochMilliseconds:))
        )
        return TicketView(ticket: ticket, unreadCount: unreadCount, unreadByCustomer: unreadByCustomer)
    }

    /// The value of the column a list is sorted by, for the next page's cursor.
    func sortValue(_ key: TicketQuery.SortKey) -> Int64 {
        switch key {
        case .updatedAt: updatedAt
        case .createdAt: createdAt
        case .priority: priorityRank
        case .slaDeadline: slaDeadline
        }
    }
}
