import Foundation
import HelpdeskDomain
import SQLKit

/// Tickets, messages, activity and read cursors in their tables.
///
/// Ticket updates are group-committed: those that arrive while a batch is being written are
/// applied in order (each sees the ticket as the ones before it left it) and stored together
/// with a few multi-row statements in one transaction.
public struct SQLTicketRepository: TicketRepository {
    /// The most updates written in one transaction.
    static let maxBatch = 256
    /// Above `busyWriteRate` updates a second, a steady stream of chat messages commits at most once
    /// per interval: each commit costs about 300 µs of CPU (WAL frames and their checkpoint, the hops
    /// to the writer's thread), so at 7,500 messages/s this saves about a fifth of the CPU for a few
    /// ms of latency (docs/benchmarks.md). Below it, every update commits as soon as it can.
    static let minBatchInterval: Duration = .milliseconds(6)
    static let busyWriteRate = 1_500

    private let storage: any SQLStorage
    private let outbox: any WebhookOutbox
    private let updates: WriteBatcher<TicketUpdate, TicketChange>

    /// `outbox` names the webhook deliveries each change makes; they are written in its transaction.
    public init(storage: any SQLStorage, outbox: any WebhookOutbox = NoWebhookOutbox()) {
        self.storage = storage
        self.outbox = outbox
        self.updates = WriteBatcher(maxBatch: Self.maxBatch, minInterval: Self.minBatchInterval, busyRate: Self.busyWriteRate) { batch in
            await Self.write(batch, to: storage, outbox: outbox)
        }
    }

    public func create(period: String, _ build: @Sendable (Int) throws -> TicketChange) async throws -> TicketChange {
        try await storage.transaction { db in
            guard let sequence = try await db.raw("""
                INSERT INTO ticket_counters (period, last_value) VALUES (\(bind: period), 1)
                ON CONFLICT (period) DO UPDATE SET last_value = ticket_counters.last_value + 1
                RETURNING last_value
                """).first(decodingColumn: "last_value", as: Int.self)
            else { throw TicketStoreError.counterUnavailable }
            let change = Self.numbered(try build(sequence))
            try await Self.store([change], replacing: [:], in: db)
            try await SQLWebhookRepository.enqueue(outbox.deliveries(for: change, isNew: true), in: db)
            return change
        }
    }

    public func update(reference: String, _ change: @escaping @Sendable (Ticket) throws -> TicketChange?) async throws -> TicketChange {
        try await updates.submit(TicketUpdate(reference: reference, change: change))
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
            .first().map(TicketRow.init)?.view
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
            """).all().map(TicketRow.init)
        let page = rows.prefix(query.limit)
        let next = rows.count > query.limit ? page.last.map { row in
            TicketCursor(sortValue: row.sortValue(query.sort), id: row.id)
        } : nil
        return TicketPage(items: page.map(\.view), nextCursor: next)
    }

    public func stats(customerId: String?, viewerId: String, now: Date, dueSoonBefore: Date) async throws -> TicketStats {
        let scope: SQLQueryString = customerId.map { "WHERE customer_id = \(bind: $0)" } ?? ""
        let least = storage.reader.flavor == .postgres ? "LEAST" : "MIN"
        let row = try await storage.reader.raw("""
            SELECT
              COUNT(*) FILTER (WHERE status = 'open') AS open, COUNT(*) FILTER (WHERE status = 'pending') AS pending,
              COUNT(*) FILTER (WHERE status = 'resolved') AS resolved, COUNT(*) FILTER (WHERE status = 'closed') AS closed,
              COUNT(*) FILTER (WHERE active AND assignee_id = \(bind: viewerId)) AS mine,
              COUNT(*) FILTER (WHERE active AND assignee_id IS NULL) AS unassigned,
              COUNT(*) FILTER (WHERE active AND next_due <= \(bind: now.epochMilliseconds)) AS breached,
              COUNT(*) FILTER (WHERE active AND next_due > \(bind: now.epochMilliseconds)
                AND next_due <= \(bind: dueSoonBefore.epochMilliseconds)) AS due_soon
            FROM (SELECT *, status IN ('open', 'pending') AS active,
                    \(unsafeRaw: least)(sla_deadline, COALESCE(first_response_due, sla_deadline), COALESCE(next_response_due, sla_deadline)) AS next_due
                  FROM tickets \(scope)) AS scoped
            """).first()
        func count(_ column: String) throws -> Int { try row?.decode(column: column, as: Int.self) ?? 0 }
        return TicketStats(
            byStatus: [.open: try count("open"), .pending: try count("pending"), .resolved: try count("resolved"), .closed: try count("closed")],
            assignedToViewer: try count("mine"), unassigned: try count("unassigned"),
            slaBreached: try count("breached"), slaDueSoon: try count("due_soon")
        )
    }

    public func activeTickets() async throws -> [Ticket] {
        try await storage.reader.raw("""
            SELECT t.*, 0 AS unread_count, 0 AS unread_by_customer FROM tickets t WHERE t.status IN ('open', 'pending')
            """).all().map { try TicketRow($0).view.ticket }
    }

    public func messages(ticketId: String, after: Int?, before: Int?, limit: Int) async throws -> [Message] {
        let rows: [MessageRow]
        if let after {
            rows = try await storage.reader.raw("""
                SELECT * FROM messages WHERE ticket_id = \(bind: ticketId) AND seq > \(bind: after)
                ORDER BY seq ASC LIMIT \(literal: limit)
                """).all().map(MessageRow.init)
        } else {
            let bound: SQLQueryString = before.map { "AND seq < \(bind: $0)" } ?? ""
            rows = try await storage.reader.raw("""
                SELECT * FROM messages WHERE ticket_id = \(bind: ticketId) \(bound)
                ORDER BY seq DESC LIMIT \(literal: limit)
                """).all().map(MessageRow.init).reversed()
        }
        return try rows.map { try $0.message() }
    }

    public func activities(ticketId: String) async throws -> [Activity] {
        let entryOrder = storage.reader.flavor == .postgres ? "position" : "rowid"
        return try await storage.reader.raw("""
            SELECT * FROM activities WHERE ticket_id = \(bind: ticketId) ORDER BY created_at ASC, \(unsafeRaw: entryOrder) ASC
            """).all().map { try ActivityRow($0).activity }
    }

    public func readCursors(ticketId: String) async throws -> [ReadCursor] {
        try await storage.reader.raw("""
            SELECT user_id, last_read_seq, read_at FROM read_cursors WHERE ticket_id = \(bind: ticketId) ORDER BY user_id
            """).all().map { row in
            ReadCursor(
                ticketId: ticketId, userId: try row.decode(column: "user_id", as: String.self),
                lastReadSeq: try row.decode(column: "last_read_seq", as: Int.self),
                readAt: Date(epochMilliseconds: try row.decode(column: "read_at", as: Int64.self))
            )
        }
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

    /// One caller's update: the ticket it names and what it makes of it.
    struct TicketUpdate: Sendable {
        var reference: String
        var change: @Sendable (Ticket) throws -> TicketChange?
    }

    /// Applies a batch of updates in order and stores them in one transaction. If storing fails, each
    /// update is retried in a transaction of its own, so one bad write cannot fail the others.
    private static func write(
        _ batch: [TicketUpdate], to storage: any SQLStorage, outbox: any WebhookOutbox
    ) async -> [Result<TicketChange, any Error>] {
        do {
            return try await storage.transaction { db in try await apply(batch, in: db, outbox: outbox) }
        } catch {
            guard batch.count > 1 else { return [.failure(error)] }
            var results: [Result<TicketChange, any Error>] = []
            for update in batch {
                results += await write([update], to: storage, outbox: outbox)
            }
            return results
        }
    }

    private static func apply(
        _ batch: [TicketUpdate], in db: any SQLDatabase, outbox: any WebhookOutbox
    ) async throws -> [Result<TicketChange, any Error>] {
        let stored = try await currentTickets(batch.map(\.reference), in: db)
        var tickets = stored
        var results: [Result<TicketChange, any Error>] = []
        var changes: [TicketChange] = []
        for update in batch {
            guard let current = tickets[update.reference] else {
                results.append(.failure(HelpdeskError.notFound("Ticket")))
                continue
            }
            do {
                guard let change = try update.change(current).map(numbered) else {
                    results.append(.success(TicketChange(ticket: current)))
                    continue
                }
                tickets[change.ticket.id] = change.ticket
                tickets[change.ticket.ticketNumber] = change.ticket
                changes.append(change)
                results.append(.success(change))
            } catch {
                results.append(.failure(error))
            }
        }
        try await store(changes, replacing: stored, in: db)
        try await SQLWebhookRepository.enqueue(changes.flatMap { outbox.deliveries(for: $0, isNew: false) }, in: db)
        return results
    }

    /// The tickets the references name, keyed by both id and number.
    private static func currentTickets(_ references: [String], in db: any SQLDatabase) async throws -> [String: Ticket] {
        let numbers = Set(references.filter(TicketNumber.looksLikeNumber))
        let ids = Set(references).subtracting(numbers)
        var conditions: [SQLQueryString] = []
        if !ids.isEmpty { conditions.append("t.id IN (\(binds: Array(ids)))") }
        if !numbers.isEmpty { conditions.append("t.ticket_number IN (\(binds: Array(numbers)))") }
        // Other nodes may change the same tickets: on PostgreSQL the rows stay locked until the batch
        // commits (taken in id order, so two batches cannot wait for each other).
        let locking: SQLQueryString = db.flavor == .postgres ? "ORDER BY t.id FOR UPDATE" : ""
        let rows = try await db.raw("""
            SELECT t.*, 0 AS unread_count, 0 AS unread_by_customer FROM tickets t WHERE \(conditions.joined(separator: " OR ")) \(locking)
            """).all()
        var tickets: [String: Ticket] = [:]
        for row in rows {
            let ticket = try TicketRow(row).view.ticket
            tickets[ticket.id] = ticket
            tickets[ticket.ticketNumber] = ticket
        }
        return tickets
    }

    /// Gives the change's messages the sequence numbers after the ticket's last one.
    private static func numbered(_ change: TicketChange) -> TicketChange {
        var change = change
        for index in change.messages.indices {
            change.ticket.lastSeq += 1
            change.messages[index].seq = change.ticket.lastSeq
        }
        return change
    }

    /// Writes the changes' tickets (each in its last state: new ones inserted, stored ones updated in
    /// the columns that changed), then their messages and activity entries, one row per statement:
    /// the same few statements over and over, which the database keeps prepared.
    private static func store(_ changes: [TicketChange], replacing stored: [String: Ticket], in db: any SQLDatabase) async throws {
        var latest: [String: Ticket] = [:]
        var order: [String] = []
        for change in changes {
            if latest.updateValue(change.ticket, forKey: change.ticket.id) == nil { order.append(change.ticket.id) }
        }
        for id in order {
            let ticket = latest[id]!
            if let original = stored[id] {
                try await update(original, to: ticket, in: db)
            } else {
                try await insert(ticket, into: db)
            }
            if let rating = ticket.rating, rating != stored[id]?.rating {
                try await save(rating, of: ticket, in: db)
            }
        }
        for message in changes.flatMap(\.messages) {
            try await insert(message, into: db)
        }
        for activity in changes.flatMap(\.activities) {
            try await insert(activity, into: db)
        }
    }

    private static func insert(_ ticket: Ticket, into db: any SQLDatabase) async throws {
        var names = TicketColumn.all.map(\.name)
        var values = TicketColumn.all.map { $0.value(ticket) }
        if db.flavor == .postgres {
            names.append("title_terms")
            values.append(try SearchTokenizer.indexed(ticket.title))
        }
        try await db.run(ReusableStatement("tickets.insert", values, on: db) {
            "INSERT INTO tickets (\(unsafeRaw: names.joined(separator: ", "))) VALUES (\(binds: values))"
        })
    }

    private static func update(_ original: Ticket, to ticket: Ticket, in db: any SQLDatabase) async throws {
        let changed = TicketColumn.changed(from: original, to: ticket)
        guard !changed.isEmpty else { return }
        var names = changed.map(\.name)
        var values = changed.map { $0.value(ticket) }
        if db.flavor == .postgres, original.title != ticket.title {
            names.append("title_terms")
            values.append(try SearchTokenizer.indexed(ticket.title))
        }
        let assigned = values
        try await db.run(ReusableStatement("tickets.update " + names.joined(separator: ","), values + [ticket.id], on: db) {
            let assignments: [SQLQueryString] = zip(names, assigned).map { "\(unsafeRaw: $0) = \(bind: $1)" }
            return "UPDATE tickets SET \(assignments.joined(separator: ", ")) WHERE id = \(bind: ticket.id)"
        })
    }

    /// Keeps each resolution's rating (for reports), replacing an earlier version of the same one.
    private static func save(_ rating: TicketRating, of ticket: Ticket, in db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO ticket_ratings (ticket_id, resolved_at, customer_id, assignee_id, score, comment, created_at, updated_at)
            VALUES (\(bind: ticket.id), \(bind: rating.resolvedAt.epochMilliseconds), \(bind: ticket.customerId), \(bind: ticket.assigneeId),
                    \(bind: rating.score), \(bind: rating.comment), \(bind: rating.createdAt.epochMilliseconds), \(bind: rating.updatedAt.epochMilliseconds))
            ON CONFLICT (ticket_id, resolved_at) DO UPDATE SET score = excluded.score, comment = excluded.comment, updated_at = excluded.updated_at
            """).run()
    }

    private static func insert(_ message: Message, into db: any SQLDatabase) async throws {
        let attachments = message.attachments.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(message.attachments), as: UTF8.self)
        var values: [any Encodable & Sendable] = [
            message.id, message.ticketId, message.seq, message.content, message.sender.rawValue, message.senderId,
            message.senderName, message.type.rawValue, attachments, message.createdAt.epochMilliseconds,
        ]
        var columns = "id, ticket_id, seq, content, sender, sender_id, sender_name, type, attachments, created_at"
        if db.flavor == .postgres {
            // As SQLite's trigger does, system messages stay out of the index.
            columns += ", search_terms"
            values.append(message.sender == .system ? nil : try SearchTokenizer.indexed(message.content))
        }
        try await db.run(ReusableStatement("messages.insert", values, on: db) {
            "INSERT INTO messages (\(unsafeRaw: columns)) VALUES (\(binds: values))"
        })
    }

    private static func insert(_ activity: Activity, into db: any SQLDatabase) async throws {
        let values: [any Encodable & Sendable] = [
            activity.id, activity.ticketId, activity.kind.rawValue, activity.actorId, activity.actorName,
            activity.fromValue, activity.toValue, activity.createdAt.epochMilliseconds,
        ]
        try await db.run(ReusableStatement("activities.insert", values, on: db) {
            "INSERT INTO activities (id, ticket_id, kind, actor_id, actor_name, from_value, to_value, created_at) VALUES (\(binds: values))"
        })
    }

    // MARK: - Reading

    private static func ticket(where condition: SQLQueryString, in db: any SQLDatabase) async throws -> Ticket? {
        try await db.raw("SELECT t.*, 0 AS unread_count, 0 AS unread_by_customer FROM tickets t WHERE \(condition)")
            .first().map(TicketRow.init)?.view.ticket
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
