import Foundation
import HelpdeskDomain

/// A column of the `tickets` table and how a ticket fills it.
///
/// Updates set only the columns whose values changed: SQLite rewrites the entries of every index
/// that covers an assigned column, changed or not, so a chat reply that moves four columns should
/// not touch the status, priority, assignee, category and deadline indexes.
struct TicketColumn: Sendable {
    let name: String
    let value: @Sendable (Ticket) -> any Encodable & Sendable
    let differs: @Sendable (Ticket, Ticket) -> Bool

    private static func column<Value: Equatable & Encodable & Sendable>(
        _ name: String, _ read: @escaping @Sendable (Ticket) -> Value
    ) -> TicketColumn {
        TicketColumn(name: name, value: read, differs: { read($0) != read($1) })
    }

    /// Every column, in the order of the table.
    static let all: [TicketColumn] = [
        column("id") { $0.id },
        column("ticket_number") { $0.ticketNumber },
        column("title") { $0.title },
        column("category") { $0.category },
        column("customer_id") { $0.customerId },
        column("customer_name") { $0.customerName },
        column("customer_email") { $0.customerEmail },
        column("customer_avatar") { $0.customerAvatar },
        column("status") { $0.status.rawValue },
        column("priority") { $0.priority.rawValue },
        column("priority_rank") { $0.priority.rank },
        column("assignee_id") { $0.assigneeId },
        column("assignee_name") { $0.assigneeName },
        column("assignee_avatar") { $0.assigneeAvatar },
        column("last_message") { $0.lastMessage },
        column("last_message_at") { $0.lastMessageAt?.epochMilliseconds },
        column("last_seq") { $0.lastSeq },
        column("sla_deadline") { $0.slaDeadline.epochMilliseconds },
        column("created_at") { $0.createdAt.epochMilliseconds },
        column("updated_at") { $0.updatedAt.epochMilliseconds },
        column("resolved_at") { $0.resolvedAt?.epochMilliseconds },
        column("closed_at") { $0.closedAt?.epochMilliseconds },
        column("first_response_due") { $0.sla.firstResponseDue?.epochMilliseconds },
        column("first_responded_at") { $0.sla.firstRespondedAt?.epochMilliseconds },
        column("awaiting_reply_since") { $0.sla.awaitingReplySince?.epochMilliseconds },
        column("next_response_due") { $0.sla.nextResponseDue?.epochMilliseconds },
        column("resolution_started_at") { $0.sla.resolutionStartedAt?.epochMilliseconds },
        column("resolution_used_ms") { Int64(($0.sla.resolutionUsed * 1000).rounded()) },
        TicketColumn(name: "sla_alerts", value: { SlaAlertsColumn.encode($0.sla.alerted) }, differs: { $0.sla.alerted != $1.sla.alerted }),
        TicketColumn(name: "rating", value: { RatingColumn.encode($0.rating) }, differs: { $0.rating != $1.rating }),
    ]

    /// The columns whose stored values differ between the two states of a ticket.
    static func changed(from old: Ticket, to new: Ticket) -> [TicketColumn] {
        all.filter { $0.differs(old, new) }
    }
}
