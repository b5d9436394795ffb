import Foundation
import HelpdeskDomain
import SQLKit

/// Tickets for exports in creation order (the `tickets_created` index), with their histories.
public struct SQLExportRepository: ExportRepository {
    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func tickets(_ query: ExportQuery, after: TicketCursor?, limit: Int) async throws -> [Ticket] {
        let filters = TicketFilterSQL.conditions(
            statuses: query.statuses, priorities: query.priorities, category: query.category, assignee: query.assignee,
            from: query.from, to: query.to, dateColumn: "t.created_at"
        )
        let position: SQLQueryString = after.map { "AND (t.created_at, t.id) > (\(bind: $0.sortValue), \(bind: $0.id))" } ?? ""
        return try await storage.reader.raw("""
            SELECT t.*, 0 AS unread_count, 0 AS unread_by_customer FROM tickets t
            WHERE TRUE \(filters) \(position) ORDER BY t.created_at, t.id LIMIT \(literal: limit)
            """).all().map { try TicketRow($0).view.ticket }
    }

    public func histories(ticketIds: [String]) async throws -> [String: (messages: [Message], activities: [Activity])] {
        guard !ticketIds.isEmpty else { return [:] }
        var histories: [String: (messages: [Message], activities: [Activity])] = [:]
        for row in try await storage.reader.raw("SELECT * FROM messages WHERE ticket_id IN (\(binds: ticketIds)) ORDER BY ticket_id, seq").all() {
            let message = try MessageRow(row).message()
            histories[message.ticketId, default: ([], [])].messages.append(message)
        }
        for row in try await storage.reader.raw("""
            SELECT * FROM activities WHERE ticket_id IN (\(binds: ticketIds)) ORDER BY ticket_id, created_at, id
            """).all() {
            let activity = try ActivityRow(row).activity
            histories[activity.ticketId, default: ([], [])].activities.append(activity)
        }
        return histories
    }
}
