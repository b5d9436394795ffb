import Foundation
import HelpdeskDomain
import SQLKit

/// A `tickets` row with the viewer's unread counts.
struct TicketRow {
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
    var firstResponseDue: Int64?
    var firstRespondedAt: Int64?
    var awaitingReplySince: Int64?
    var nextResponseDue: Int64?
    var resolutionStartedAt: Int64?
    var resolutionUsedMilliseconds: Int64
    var slaAlerts: String
    var rating: TicketRating?
    var unreadCount: Int
    var unreadByCustomer: Int

    /// Reads the columns by name: faster than `Decodable` with a key strategy, and this runs for every chat message.
    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        ticketNumber = try row.decode(column: "ticket_number", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        category = try row.decode(column: "category", as: String.self)
        customerId = try row.decode(column: "customer_id", as: String.self)
        customerName = try row.decode(column: "customer_name", as: String.self)
        customerEmail = try row.decode(column: "customer_email", as: String.self)
        customerAvatar = try row.decode(column: "customer_avatar", as: String?.self)
        status = try row.decode(column: "status", as: String.self)
        priority = try row.decode(column: "priority", as: String.self)
        priorityRank = try row.decode(column: "priority_rank", as: Int64.self)
        assigneeId = try row.decode(column: "assignee_id", as: String?.self)
        assigneeName = try row.decode(column: "assignee_name", as: String?.self)
        assigneeAvatar = try row.decode(column: "assignee_avatar", as: String?.self)
        lastMessage = try row.decode(column: "last_message", as: String?.self)
        lastMessageAt = try row.decode(column: "last_message_at", as: Int64?.self)
        lastSeq = try row.decode(column: "last_seq", as: Int.self)
        slaDeadline = try row.decode(column: "sla_deadline", as: Int64.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
        updatedAt = try row.decode(column: "updated_at", as: Int64.self)
        resolvedAt = try row.decode(column: "resolved_at", as: Int64?.self)
        closedAt = try row.decode(column: "closed_at", as: Int64?.self)
        firstResponseDue = try row.decode(column: "first_response_due", as: Int64?.self)
        firstRespondedAt = try row.decode(column: "first_responded_at", as: Int64?.self)
        awaitingReplySince = try row.decode(column: "awaiting_reply_since", as: Int64?.self)
        nextResponseDue = try row.decode(column: "next_response_due", as: Int64?.self)
        resolutionStartedAt = try row.decode(column: "resolution_started_at", as: Int64?.self)
        resolutionUsedMilliseconds = try row.decode(column: "resolution_used_ms", as: Int64.self)
        slaAlerts = try row.decode(column: "sla_alerts", as: String.self)
        rating = try RatingColumn.decode(try row.decode(column: "rating", as: String?.self))
        unreadCount = try row.decode(column: "unread_count", as: Int.self)
        unreadByCustomer = try row.decode(column: "unread_by_customer", as: Int.self)
    }

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
            resolvedAt: resolvedAt.map(Date.init(epochMilliseconds:)), closedAt: closedAt.map(Date.init(epochMilliseconds:)),
            sla: TicketSla(
                firstResponseDue: firstResponseDue.map(Date.init(epochMilliseconds:)),
                firstRespondedAt: firstRespondedAt.map(Date.init(epochMilliseconds:)),
                awaitingReplySince: awaitingReplySince.map(Date.init(epochMilliseconds:)),
                nextResponseDue: nextResponseDue.map(Date.init(epochMilliseconds:)),
                resolutionStartedAt: resolutionStartedAt.map(Date.init(epochMilliseconds:)),
                resolutionUsed: TimeInterval(resolutionUsedMilliseconds) / 1000,
                alerted: SlaAlertsColumn.decode(slaAlerts)
            ),
            rating: rating
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
