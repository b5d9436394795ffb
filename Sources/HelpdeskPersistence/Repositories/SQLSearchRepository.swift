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

    /// One match before the page is cut: where, which ticket, which message, the marked text, the rank
    /// (lower is better).
    struct Found {
        var kind: SearchHit.Kind
        var ticketId: String
        var message: Message?
        var snippet: String
        var rank: Double
    }

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let db = storage.reader
        let wanted = query.offset + query.limit
        var found: [Found] = []
        if query.sender == nil {
            found += try await numbers(query, wanted: wanted, in: db)
        }
        if db.flavor == .postgres {
            found += try await PostgresTextSearch().search(query, in: db)
        } else {
            if query.sender == nil {
                found += try await titles(query, wanted: wanted, in: db)
            }
            found += try await messages(query, wanted: wanted, in: db)
        }
        let page = found.sorted { $0.rank < $1.rank }.dropFirst(query.offset).prefix(query.limit)
        let tickets = try await self.tickets(Set(page.map(\.ticketId)), in: db)
        return page.compactMap { hit in
            tickets[hit.ticketId].map {
                SearchHit(kind: hit.kind, ticket: $0, message: hit.message, snippet: Self.fragments(hit.snippet), rank: hit.rank)
            }
        }
    }

    private func numbers(_ query: SearchQuery, wanted: Int, in db: any SQLDatabase) async throws -> [Found] {
        guard query.terms.count == 1, let number = Self.numberPrefix(query.terms[0]) else { return [] }
        return try await db.raw("""
            SELECT t.id, t.ticket_number FROM tickets t
            WHERE t.ticket_number LIKE \(bind: number + "%") \(Self.ticketFilters(query, dateColumn: "t.created_at"))
            ORDER BY t.ticket_number LIMIT \(literal: wanted)
            """).all().map { row in
            Found(kind: .number, ticketId: try row.decode(column: "id", as: String.self), message: nil,
                  snippet: Self.open + (try row.decode(column: "ticket_number", as: String.self)) + Self.close, rank: -1e9)
        }
    }

    private func titles(_ query: SearchQuery, wanted: Int, in db: any SQLDatabase) async throws -> [Found] {
        let filters = Self.ticketFilters(query, dateColumn: "t.created_at")
        let plan = try await plan(index: "tickets_fts", query: query, rows: "SELECT t.rowid AS r FROM tickets t WHERE TRUE \(filters)", in: db)
        let rows = try await select(plan, wanted: wanted, in: db) { match, narrowing, order in
            """
            SELECT t.id, highlight(tickets_fts, 0, char(2), char(3)) AS snippet, helpdesk_rank(tickets_fts) * 2 AS rank
            FROM tickets_fts CROSS JOIN tickets t ON t.rowid = tickets_fts.rowid
            WHERE tickets_fts MATCH \(bind: match) \(narrowing ?? filters) ORDER BY \(order) LIMIT \(literal: wanted)
            """
        }
        return try rows.enumerated().map { index, row in
            Found(kind: .title, ticketId: try row.decode(column: "id", as: String.self), message: nil,
                  snippet: try row.decode(column: "snippet", as: String.self),
                  rank: plan.recent ? -1e6 + Double(index) : try row.decode(column: "rank", as: Double.self))
        }
    }

    private func messages(_ query: SearchQuery, wanted: Int, in db: any SQLDatabase) async throws -> [Found] {
        let sender: SQLQueryString = query.sender.map { "AND m.sender = \(bind: $0.rawValue)" } ?? ""
        let filters: SQLQueryString = "\(sender) \(Self.ticketFilters(query, dateColumn: "m.created_at"))"
        let plan = try await plan(
            index: "messages_fts", query: query,
            rows: "SELECT m.rowid AS r FROM tickets t JOIN messages m ON m.ticket_id = t.id WHERE TRUE \(filters)", in: db
        )
        let rows = try await select(plan, wanted: wanted, in: db) { match, narrowing, order in
            """
            SELECT m.*, snippet(messages_fts, 0, char(2), char(3), '…', 14) AS snippet, helpdesk_rank(messages_fts) AS rank
            FROM messages_fts CROSS JOIN messages m ON m.rowid = messages_fts.rowid CROSS JOIN tickets t ON t.id = m.ticket_id
            WHERE messages_fts MATCH \(bind: match) \(narrowing ?? filters) ORDER BY \(order) LIMIT \(literal: wanted)
            """
        }
        return try rows.enumerated().map { index, row in
            let message = try MessageRow(row).message()
            return Found(kind: .message, ticketId: message.ticketId, message: message, snippet: try row.decode(column: "snippet", as: String.self),
                         rank: plan.recent ? Double(index) : try row.decode(column: "rank", as: Double.self))
        }
    }

    /// How to search one index. Words in at most `rankedMatches` rows: all of them, best first
    /// (`helpdesk_rank`). Commoner words: newest first, down the index until a page passes the
    /// filters — or, when the filters leave at most `narrowRows` rows (a customer's tickets, an
    /// agent's own), those rows looked up in the index, newest first. Either way as the exact
    /// words when they occur that often (or at all, for the look-ups): a word's beginning costs a
    /// merge of every word it begins, on every look-up.
    private struct Plan {
        var index: String
        var match: String
        var recent = false
        /// The filtered rows, newest first, when they are few.
        var candidates: [Int64]?
    }

    private func plan(index: String, query: SearchQuery, rows: SQLQueryString, in db: any SQLDatabase) async throws -> Plan {
        func matches(_ expression: String) async throws -> Int {
            try await count("SELECT 1 FROM \(unsafeRaw: index) WHERE \(unsafeRaw: index) MATCH \(bind: expression)", upTo: rankedMatches, in: db)
        }
        let prefixed = Self.matchExpression(query.terms)
        guard try await matches(prefixed) > rankedMatches else { return Plan(index: index, match: prefixed) }
        let filtered = query.customerId != nil || !query.statuses.isEmpty || !query.priorities.isEmpty
            || query.assignee != .anyone || query.category != nil || query.sender != nil
        var candidates: [Int64]?
        if filtered {
            let found = try await db.raw("\(rows) LIMIT \(literal: narrowRows + 1)").all().map { try $0.decode(column: "r", as: Int64.self) }
            if found.count <= narrowRows { candidates = found.sorted(by: >) }
        }
        let exact = Self.matchExpression(query.terms, lastAsPrefix: false)
        let exactMatches = try await matches(exact)
        let useExact = exactMatches > rankedMatches || (candidates != nil && exactMatches > 0)
        return Plan(index: index, match: useExact ? exact : prefixed, recent: true, candidates: candidates)
    }

    /// Runs `statement(match, narrowing, order)`: once over the index, or, for a few candidates,
    /// over twice as many as wanted at a time, newest first, until enough were found (each one is
    /// a look-up in every segment of the index).
    private func select(
        _ plan: Plan, wanted: Int, in db: any SQLDatabase,
        _ statement: (String, SQLQueryString?, SQLQueryString) -> SQLQueryString
    ) async throws -> [any SQLRow] {
        let newest: SQLQueryString = "\(unsafeRaw: plan.index).rowid DESC"
        guard let candidates = plan.candidates else {
            return try await db.raw(statement(plan.match, nil, plan.recent ? newest : "rank")).all()
        }
        var rows: [any SQLRow] = []
        let size = max(16, 2 * wanted)
        for start in stride(from: 0, to: candidates.count, by: size) where rows.count < wanted {
            let chunk = Array(candidates[start..<min(start + size, candidates.count)])
            rows += try await db.raw(statement(plan.match, "AND \(unsafeRaw: plan.index).rowid IN (\(binds: chunk))", newest)).all()
        }
        return Array(rows.prefix(wanted))
    }

    /// How many rows `rows` selects, counting no further than one past `limit`.
    private func count(_ rows: SQLQueryString, upTo limit: Int, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM (\(rows) LIMIT \(literal: limit + 1))").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Every term as a quoted FTS5 string (so nothing in it is query syntax); the last also as a
    /// word's beginning unless `lastAsPrefix` is false.
    static func matchExpression(_ terms: [String], lastAsPrefix: Bool = true) -> String {
        terms.enumerated().map { index, term in
            let quoted = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return lastAsPrefix && index == terms.count - 1 ? quoted + "*" : quoted
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

    static func ticketFilters(_ query: SearchQuery, dateColumn: String) -> SQLQueryString {
        TicketFilterSQL.conditions(
            statuses: query.statuses, priorities: query.priorities, category: query.category, assignee: query.assignee,
            customerId: query.customerId, from: query.from, to: query.to, dateColumn: dateColumn
        )
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
