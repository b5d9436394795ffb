import Foundation
import HelpdeskDomain
import SQLKit

/// Tickets, messages, activity and read cursors in their tables.
public struct SQLTicketRepository: TicketRepository {
    private let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func create(period: String, _ build: @Sendable (Int) throws -> TicketChange) async throws -> TicketChange {
        try await storage.transaction { db in
            guard let sequence = try await db.raw("""
                INSERT INTO ticket_counters (period, last_value) VALUES (\(bind: period), 1)
                ON CONFLICT (period) DO UPDATE SET last_value = ticket_counters.last_value + 1
                RETURNING last_value
                """).first(decodingColumn: "last_value", as: Int.self)
            else { throw TicketStoreError.counterUnavailable }
            var change = try build(sequence)
            try await insert(change.ticket, into: db)
            change.messages = try await append(change.messages, to: &change.ticket, in: db)
            try await insert(change.activities, into: db)
            try await save(change.ticket, in: db)
            return change
        }
    }

    public func update(reference: String, _ change: @Sendable (Ticket) throws -> TicketChange?) async throws -> TicketChange {
        try await storage.transaction { db in
            guard let current = try await Self.ticket(where: Self.matching(reference), in: db) else {
                throw HelpdeskError.notFound("Ticket")
            }
            guard var change = try change(current) else { return TicketChange(ticket: current) }
            change.messages = try await append(change.messages, to: &change.ticket, in: db)
            try await insert(change.activities, into: db)
            try await save(change.ticket, in: db)
            return change
        }
    }

    public func find(reference: String) async throws -> Ticket? {
        try await Self.ticket(where: Self.matching(reference), in: storage.reader)
    }

    /// The condition selecting a ticket by id or by ticket number.
    private static func matching(_ reference: String) -> SQLQueryString {
        let column = TicketNumber.looksLikeNumber(reference) ? "ticket_number" : "id"
        return "t.\(ident: column) = \(bind: reference)"
    }

    public func view(ticketId: String, viewerId: String) async throws -> TicketView? {
        try await storage.reader.raw("\(Self.selectViews(viewerId: viewerId)) WHERE t.id = \(bind: ticketId)")
            .first(decoding: TicketRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.view
    }

    public func list(_ query: TicketQuery, viewerId: String) async throws -> TicketPage {
        let sortColumn: String = switch query.sort {
        case .updatedAt: "updated_at"
        case .createdAt: "created_at"
        case .priority: "priority_rank"
        case .slaDeadline: "sla_deadline"
        }
        var conditions: [SQLQueryString] = []
        if !query.statuses.isEmpty {
            conditions.append("t.status IN (\(binds: query.statuses.map(\.rawValue)))")
        }
        if !query.priorities.isEmpty {
            conditions.append("t.priority IN (\(binds: query.priorities.map(\.rawValue)))")
        }
        switch query.assignee {
        case .anyone: break
        case .unassigned: conditions.append("t.assignee_id IS NULL")
        case .user(let id): conditions.append("t.assignee_id = \(bind: id)")
        }
        if let category = query.category {
            conditions.append("t.category = \(bind: category)")
        }
        if let customerId = query.customerId {
            conditions.append("t.customer_id = \(bind: customerId)")
        }
        if let text = query.text?.lowercased(), !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            conditions.append("""
                (LOWER(t.title) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'
                 OR LOWER(t.ticket_number) LIKE \(bind: escaped + "%") ESCAPE '\\')
                """)
        }
        let descending = query.order == .descending
        if let cursor = query.cursor {
            let comparison = descending ? "<" : ">"
            conditions.append("""
                (t.\(unsafeRaw: sortColumn) \(unsafeRaw: comparison) \(bind: cursor.sortValue)
                 OR (t.\(unsafeRaw: sortColumn) = \(bind: cursor.sortValue) AND t.id \(unsafeRaw: comparison) \(bind: cursor.id)))
                """)
        }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let direction = descending ? "DESC" : "ASC"
        let rows = try await storage.reader.raw("""
            \(Self.selectViews(viewerId: viewerId)) \(filter)
            ORDER BY t.\(unsafeRaw: sortColumn) \(unsafeRaw: direction), t.id \(unsafeRaw: direction)
            LIMIT \(literal: query.limit + 1)
            """).all(decoding: TicketRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let page = rows.prefix(query.limit)
        let next = rows.count > query.limit ? page.last.map { row in
            TicketCursor(sortValue: row.sortValue(query.sort), id: row.id)
        } : nil
        return TicketPage(items: page.map(\.view), nextCursor: next)
    }

    public func messages(ticketId: String, after: Int?, before: Int?, limit: Int) async throws -> [Message] {
        let rows: [MessageRow]
        if let after {
            rows = try await storage.reader.raw("""
                SELECT * FROM messages WHERE ticket_id = \(bind: ticketId) AND seq > \(bind: after)
                ORDER BY seq ASC LIMIT \(literal: limit)
                """).all(decoding: MessageRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        } else {
            let bound: SQLQueryString = before.map { "AND seq < \(bind: $0)" } ?? ""
            rows = try await storage.reader.raw("""
                SELECT * FROM messages WHERE ticket_id = \(bind: ticketId) \(bound)
                ORDER BY seq DESC LIMIT \(literal: limit)
                """).all(decoding: MessageRow.self, keyDecodingStrategy: .convertFromSnakeCase).reversed()
        }
        return try rows.map { try $0.message() }
    }

    public func activities(ticketId: String) async throws -> [Activity] {
        try await storage.reader.raw("""
            SELECT * FROM activities WHERE ticket_id = \(bind: ticketId) ORDER BY created_at ASC, rowid ASC
            """).all(decoding: ActivityRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.activity)
    }

    public func markRead(ticketId: String, userId: String, upTo seq: Int, at date: Date) async throws -> ReadCursor {
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO read_cursors (ticket_id, user_id, last_read_seq, read_at)
                VALUES (\(bind: ticketId), \(bind: userId), \(bind: seq), \(bind: date.epochMilliseconds))
                ON CONFLICT (ticket_id, user_id) DO UPDATE SET
                    last_read_seq = CASE WHEN excluded.last_read_seq > read_cursors.last_read_seq
                                         THEN excluded.last_read_seq ELSE read_cursors.last_read_seq END,
                    read_at = excluded.read_at
                """).run()
            guard let row = try await db.raw("""
                SELECT last_read_seq, read_at FROM read_cursors WHERE ticket_id = \(bind: ticketId) AND user_id = \(bind: userId)
                """).first()
            else { throw TicketStoreError.cursorMissing }
            return ReadCursor(
                ticketId: ticketId, userId: userId,
                lastReadSeq: try row.decode(column: "last_read_seq", as: Int.self),
                readAt: Date(epochMilliseconds: try row.decode(column: "read_at", as: Int64.self))
            )
        }
    }

    // MARK: - Writing

    private func insert(_ ticket: Ticket, into db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO tickets (id, ticket_number, title, category, customer_id, customer_name, customer_email,
                customer_avatar, status, priority, priority_rank, last_seq, sla_deadline, created_at, updated_at)
            VALUES (\(bind: ticket.id), \(bind: ticket.ticketNumber), \(bind: ticket.title), \(bind: ticket.category),
                \(bind: ticket.customerId), \(bind: ticket.customerName), \(bind: ticket.customerEmail),
                \(bind: ticket.customerAvatar), \(bind: ticket.status.rawValue), \(bind: ticket.priority.rawValue),
                \(bind: ticket.priority.rank), 0, \(bind: ticket.slaDeadline.epochMilliseconds),
                \(bind: ticket.createdAt.epochMilliseconds), \(bind: ticket.updatedAt.epochMilliseconds))
            """).run()
    }

    private func save(_ ticket: Ticket, in db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE tickets SET title = \(bind: ticket.title), category = \(bind: ticket.category),
                status = \(bind: ticket.status.rawValue), priority = \(bind: ticket.priority.rawValue),
                priority_rank = \(bind: ticket.priority.rank), assignee_id = \(bind: ticket.assigneeId),
                assignee_name = \(bind: ticket.assigneeName), assignee_avatar = \(bind: ticket.assigneeAvatar),
                last_message = \(bind: ticket.lastMessage), last_message_at = \(bind: ticket.lastMessageAt?.epochMilliseconds),
                last_seq = \(bind: ticket.lastSeq), sla_deadline = \(bind: ticket.slaDeadline.epochMilliseconds),
                updated_at = \(bind: ticket.updatedAt.epochMilliseconds),
                resolved_at = \(bind: ticket.resolvedAt?.epochMilliseconds), closed_at = \(bind: ticket.closedAt?.epochMilliseconds)
            WHERE id = \(bind: ticket.id)
            """).run()
    }

    /// Numbers the messages after the ticket's last one and stores them.
    private func append(_ messages: [Message], to ticket: inout Ticket, in db: any SQLDatabase) async throws -> [Message] {
        var stored: [Message] = []
        for var message in messages {
            ticket.lastSeq += 1
            message.seq = ticket.lastSeq
            let attachments = String(decoding: try JSONEncoder().encode(message.attachments), as: UTF8.self)
            try await db.raw("""
                INSERT INTO messages (id, ticket_id, seq, content, sender, sender_id, sender_name, type, attachments, created_at)
                VALUES (\(bind: message.id), \(bind: message.ticketId), \(bind: message.seq), \(bind: message.content),
                    \(bind: message.sender.rawValue), \(bind: message.senderId), \(bind: message.senderName),
                    \(bind: message.type.rawValue), \(bind: attachments), \(bind: message.createdAt.epochMilliseconds))
                """).run()
            stored.append(message)
        }
        return stored
    }

    private func insert(_ activities: [Activity], into db: any SQLDatabase) async throws {
        for activity in activities {
            try await db.raw("""
                INSERT INTO activities (id, ticket_id, kind, actor_id, actor_name, from_value, to_value, created_at)
                VALUES (\(bind: activity.id), \(bind: activity.ticketId), \(bind: activity.kind.rawValue),
                    \(bind: activity.actorId), \(bind: activity.actorName), \(bind: activity.fromValue),
                    \(bind: activity.toValue), \(bind: activity.createdAt.epochMilliseconds))
                """).run()
        }
    }

    // MARK: - Reading

    private static func ticket(where condition: SQLQueryString, in db: any SQLDatabase) async throws -> Ticket? {
        try await db.raw("SELECT t.*, 0 AS unread_count, 0 AS unread_by_customer FROM tickets t WHERE \(condition)")
            .first(decoding: TicketRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.view.ticket
    }

    /// Tickets with the viewer's unread count and the customer's: messages after each one's read
    /// cursor that they did not write themselves.
    private static func selectViews(viewerId: String) -> SQLQueryString {
        """
        SELECT t.*,
            (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id
                AND m.seq > COALESCE((SELECT rc.last_read_seq FROM read_cursors rc
                                      WHERE rc.ticket_id = t.id AND rc.user_id = \(bind: viewerId)), 0)
                AND (m.sender_id IS NULL OR m.sender_id <> \(bind: viewerId))) AS unread_count,
            (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id
                AND m.seq > COALESCE((SELECT rc.last_read_seq FROM read_cursors rc
                                      WHERE rc.ticket_id = t.id AND rc.user_id = t.customer_id), 0)
                AND (m.sender_id IS NULL OR m.sender_id <> t.customer_id)) AS unread_by_customer
        FROM tickets t
        """
    }
}
