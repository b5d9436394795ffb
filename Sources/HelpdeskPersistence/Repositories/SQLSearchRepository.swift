import Foundation
import HelpdeskDomain
import SQLKit

/// Full-text search over `messages_fts` and `tickets_fts` (FTS5 with the `helpdesk` tokenizer),
/// ranked by BM25 without word rarity (`helpdesk_rank`) — a title match weighs twice a message
/// match, a ticket number beats both — or, for words in more than 5,000 rows, newest first.
public struct SQLSearchRepository: SearchRepository {
    /// Marks around matched words in SQLite's snippets and highlights.
    static let open = "\u{2}", close = "\u{3}"

    let storage: any SQLStorage
    /// Above this many matches the newest come first instead of the best: every match would have
    /// to be scored, and a word that common ranks little anyway.
    let rankedMatches: Int
    /// Filters that leave at most this many rows are searched row by row (a customer's tickets, an
    /// agent's own) instead of walking the index: each row costs a lookup in the index (~40 µs).
    let narrowRows: Int

    public init(storage: any SQLStorage, rankedMatches: Int = 5_000, narrowRows: Int = 1_000) {
        self.storage = storage
        self.rankedMatches = rankedMatches
        self.narrowRows = narrowRows
    }

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let db = storage.reader
        let wanted = query.offset + query.limit
        let match = Self.matchExpression(query.terms)
        var found: [(kind: SearchHit.Kind, ticketId: String, message: Message?, snippet: String, rank: Double)] = []

        if query.sender == nil {
            if query.terms.count == 1, let number = Self.numberPrefix(query.terms[0]) {
                let rows = try await db.raw("""
                    SELECT t.id, t.ticket_number FROM tickets t
                    WHERE t.ticket_number LIKE \(bind: number + "%") \(Self.ticketFilters(query, dateColumn: "t.created_at"))
                    ORDER BY t.ticket_number LIMIT \(literal: wanted)
                    """).all()
                for row in rows {
                    let number = try row.decode(column: "ticket_number", as: String.self)
                    found.append((.number, try row.decode(column: "id", as: String.self), nil, Self.open + number + Self.close, -1e9))
                }
            }
            let order = try await order(
                index: "tickets_fts", match: match, narrowing: "FROM tickets t WHERE 1 \(Self.ticketFilters(query, dateColumn: "t.created_at"))",
                query: query, in: db
            )
            let source: SQLQueryString = order.narrow
                ? "FROM tickets t CROSS JOIN tickets_fts ON tickets_fts.rowid = t.rowid"
                : "FROM tickets_fts CROSS JOIN tickets t ON t.rowid = tickets_fts.rowid"
            let titles = try await db.raw("""
                SELECT t.id, highlight(tickets_fts, 0, char(2), char(3)) AS snippet, helpdesk_rank(tickets_fts) * 2 AS rank \(source)
                WHERE tickets_fts MATCH \(bind: match) \(Self.ticketFilters(query, dateColumn: "t.created_at"))
                ORDER BY \(order.clause(index: "tickets_fts", rows: "t")) LIMIT \(literal: wanted)
                """).all()
            for (index, row) in titles.enumerated() {
                found.append((.title, try row.decode(column: "id", as: String.self), nil, try row.decode(column: "snippet", as: String.self),
                              order.recent ? -1e6 + Double(index) : try row.decode(column: "rank", as: Double.self)))
            }
        }
        let sender: SQLQueryString = query.sender.map { "AND m.sender = \(bind: $0.rawValue)" } ?? ""
        let filters: SQLQueryString = "\(sender) \(Self.ticketFilters(query, dateColumn: "m.created_at"))"
        let order = try await order(
            index: "messages_fts", match: match, narrowing: "FROM tickets t JOIN messages m ON m.ticket_id = t.id WHERE 1 \(filters)",
            query: query, in: db
        )
        let source: SQLQueryString = order.narrow
            ? "FROM tickets t CROSS JOIN messages m ON m.ticket_id = t.id CROSS JOIN messages_fts ON messages_fts.rowid = m.rowid"
            : "FROM messages_fts CROSS JOIN messages m ON m.rowid = messages_fts.rowid CROSS JOIN tickets t ON t.id = m.ticket_id"
        let messages = try await db.raw("""
            SELECT m.*, snippet(messages_fts, 0, char(2), char(3), '…', 14) AS snippet, helpdesk_rank(messages_fts) AS rank \(source)
            WHERE messages_fts MATCH \(bind: match) \(filters)
            ORDER BY \(order.clause(index: "messages_fts", rows: "m")) LIMIT \(literal: wanted)
            """).all()
        for (index, row) in messages.enumerated() {
            let message = try MessageRow(row).message()
            found.append((.message, message.ticketId, message, try row.decode(column: "snippet", as: String.self),
                          order.recent ? Double(index) : try row.decode(column: "rank", as: Double.self)))
        }

        let page = found.sorted { $0.rank < $1.rank }.dropFirst(query.offset).prefix(query.limit)
        let tickets = try await self.tickets(Set(page.map(\.ticketId)), in: db)
        return page.compactMap { hit in
            tickets[hit.ticketId].map {
                SearchHit(kind: hit.kind, ticket: $0, message: hit.message, snippet: Self.fragments(hit.snippet), rank: hit.rank)
            }
        }
    }

    /// How to walk one index. Words in at most `rankedMatches` rows: all their rows, best first
    /// (`helpdesk_rank`). Commoner words: newest first — from the filtered rows when the filters
    /// leave few (`narrow`: a customer's tickets, an agent's own), else down the index until a
    /// page is full.
    struct Order {
        var narrow = false
        var recent = false

        /// The newest first walks the index itself, or the rows when they drive.
        func clause(index: String, rows: String) -> SQLQueryString {
            recent ? "\(unsafeRaw: narrow ? rows : index).rowid DESC" : "rank"
        }
    }

    private func order(index: String, match: String, narrowing: SQLQueryString, query: SearchQuery, in db: any SQLDatabase) async throws -> Order {
        let matches = try await count("SELECT 1 FROM \(unsafeRaw: index) WHERE \(unsafeRaw: index) MATCH \(bind: match)", upTo: rankedMatches, in: db)
        guard matches > rankedMatches else { return Order() }
        let filtered = query.customerId != nil || !query.statuses.isEmpty || !query.priorities.isEmpty
            || query.assignee != .anyone || query.category != nil
        guard filtered else { return Order(narrow: false, recent: true) }
        return Order(narrow: try await count("SELECT 1 \(narrowing)", upTo: narrowRows, in: db) <= narrowRows, recent: true)
    }

    /// How many rows `rows` selects, counting no further than one past `limit`.
    private func count(_ rows: SQLQueryString, upTo limit: Int, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM (\(rows) LIMIT \(literal: limit + 1))").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Every term as a quoted FTS5 string (so nothing in it is query syntax); the last also as a prefix.
    static func matchExpression(_ terms: [String]) -> String {
        terms.enumerated().map { index, term in
            let quoted = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return index == terms.count - 1 ? quoted + "*" : quoted
        }.joined(separator: " ")
    }

    /// The ticket-number prefix a term spells (`tkt2611` → `TKT2611`), if it does.
    static func numberPrefix(_ term: String) -> String? {
        let upper = term.uppercased()
        guard upper.hasPrefix(TicketNumber.prefix), upper.count > TicketNumber.prefix.count,
              upper.dropFirst(TicketNumber.prefix.count).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return upper
    }

    private static func ticketFilters(_ query: SearchQuery, dateColumn: String) -> SQLQueryString {
        var conditions: [SQLQueryString] = []
        if let customer = query.customerId { conditions.append("t.customer_id = \(bind: customer)") }
        if !query.statuses.isEmpty { conditions.append("t.status IN (\(binds: query.statuses.map(\.rawValue)))") }
        if !query.priorities.isEmpty { conditions.append("t.priority IN (\(binds: query.priorities.map(\.rawValue)))") }
        if let category = query.category { conditions.append("t.category = \(bind: category)") }
        switch query.assignee {
        case .anyone: break
        case .unassigned: conditions.append("t.assignee_id IS NULL")
        case .user(let id): conditions.append("t.assignee_id = \(bind: id)")
        }
        if let from = query.from { conditions.append("\(unsafeRaw: dateColumn) >= \(bind: from.epochMilliseconds)") }
        if let to = query.to { conditions.append("\(unsafeRaw: dateColumn) < \(bind: to.epochMilliseconds)") }
        return conditions.isEmpty ? "" : "AND \(conditions.joined(separator: " AND "))"
    }

    private func tickets(_ ids: Set<String>, in db: any SQLDatabase) async throws -> [String: Ticket] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT t.*, 0 AS unread_count, 0 AS unread_by_customer FROM tickets t WHERE t.id IN (\(binds: Array(ids)))
            """).all()
        var tickets: [String: Ticket] = [:]
        for row in rows {
            let ticket = try TicketRow(row).view.ticket
            tickets[ticket.id] = ticket
        }
        return tickets
    }

    /// Splits a snippet at the marks into plain and matched pieces.
    static func fragments(_ snippet: String) -> [SearchHit.Fragment] {
        var fragments: [SearchHit.Fragment] = []
        var rest = snippet[...]
        while let start = rest.range(of: open) {
            if start.lowerBound > rest.startIndex { fragments.append(.init(text: String(rest[..<start.lowerBound]), isMatch: false)) }
            let afterStart = rest[start.upperBound...]
            let end = afterStart.range(of: close)?.lowerBound ?? afterStart.endIndex
            fragments.append(.init(text: String(afterStart[..<end]), isMatch: true))
            rest = end == afterStart.endIndex ? afterStart[end...] : afterStart[afterStart.index(after: end)...]
        }
        if !rest.isEmpty { fragments.append(.init(text: String(rest), isMatch: false)) }
        return fragments
    }
}
