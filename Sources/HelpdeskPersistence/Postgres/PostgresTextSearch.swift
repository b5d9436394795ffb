import HelpdeskDomain
import SQLKit

/// Full-text search on PostgreSQL: titles and messages keep the terms SQLite's `helpdesk` tokenizer
/// makes of them (`title_terms`, `search_terms`, indexed as text search vectors), queries are split
/// by the same tokenizer, and the words are marked in the results here as FTS5 marks them.
/// Ranked by how often the words occur — a title match weighs twice a message match, a ticket
/// number beats both — then newest first.
struct PostgresTextSearch {
    /// Words a message snippet shows around the first match.
    static let snippetWords = 14

    func search(_ query: SearchQuery, in db: any SQLDatabase) async throws -> [SQLSearchRepository.Found] {
        let wanted = query.offset + query.limit
        var tokens = try query.terms.flatMap { try SearchTokenizer.terms($0).map(\.text) }
        guard let last = tokens.popLast() else { return [] }
        let matcher = Matcher(words: Set(tokens), prefix: last)
        var found: [SQLSearchRepository.Found] = []
        if query.sender == nil {
            found += try await titles(query, matcher: matcher, wanted: wanted, in: db)
        }
        found += try await messages(query, matcher: matcher, wanted: wanted, in: db)
        return found
    }

    /// Which terms a query finds: all of `words`, and a word beginning with `prefix`.
    struct Matcher {
        var words: Set<String>
        var prefix: String

        /// The query as a `tsquery` of quoted lexemes, so nothing in a word is query syntax.
        var tsquery: String {
            (words.sorted().map(Self.quoted) + [Self.quoted(prefix) + ":*"]).joined(separator: " & ")
        }

        func matches(_ term: String) -> Bool {
            words.contains(term) || term.hasPrefix(prefix)
        }

        private static func quoted(_ word: String) -> String {
            "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    private func titles(_ query: SearchQuery, matcher: Matcher, wanted: Int, in db: any SQLDatabase) async throws -> [SQLSearchRepository.Found] {
        let rows = try await db.raw("""
            SELECT t.id, t.title, ts_rank(array_to_tsvector(t.title_terms), q) AS rank
            FROM tickets t, CAST(\(bind: matcher.tsquery) AS tsquery) AS q
            WHERE array_to_tsvector(t.title_terms) @@ q \(SQLSearchRepository.ticketFilters(query, dateColumn: "t.created_at"))
            ORDER BY rank DESC, t.created_at DESC, t.id LIMIT \(literal: wanted)
            """).all()
        return try rows.map { row in
            SQLSearchRepository.Found(
                kind: .title, ticketId: try row.decode(column: "id", as: String.self), message: nil,
                snippet: try Self.marked(try row.decode(column: "title", as: String.self), matcher: matcher, window: nil),
                rank: -2 * Double(try row.decode(column: "rank", as: Float.self))
            )
        }
    }

    private func messages(_ query: SearchQuery, matcher: Matcher, wanted: Int, in db: any SQLDatabase) async throws -> [SQLSearchRepository.Found] {
        let sender: SQLQueryString = query.sender.map { "AND m.sender = \(bind: $0.rawValue)" } ?? ""
        let rows = try await db.raw("""
            SELECT m.*, ts_rank(array_to_tsvector(m.search_terms), q) AS rank
            FROM messages m JOIN tickets t ON t.id = m.ticket_id, CAST(\(bind: matcher.tsquery) AS tsquery) AS q
            WHERE array_to_tsvector(m.search_terms) @@ q \(sender) \(SQLSearchRepository.ticketFilters(query, dateColumn: "m.created_at"))
            ORDER BY rank DESC, m.created_at DESC, m.id LIMIT \(literal: wanted)
            """).all()
        return try rows.map { row in
            let message = try MessageRow(row).message()
            return SQLSearchRepository.Found(
                kind: .message, ticketId: message.ticketId, message: message,
                snippet: try Self.marked(message.content, matcher: matcher, window: Self.snippetWords),
                rank: -Double(try row.decode(column: "rank", as: Float.self))
            )
        }
    }

    /// `text` with the matched words between the marks FTS5 uses: all of it, or (with a `window`) that
    /// many words from just before the first match, with `…` where text was left out.
    static func marked(_ text: String, matcher: Matcher, window: Int?) throws -> String {
        let terms = try SearchTokenizer.terms(text)
        let bytes = Array(text.utf8)
        var first = 0, end = terms.count
        if let window, terms.count > window {
            let firstMatch = terms.firstIndex { matcher.matches($0.text) } ?? 0
            first = max(0, min(firstMatch - 2, terms.count - window))
            end = first + window
        }
        var result = first > 0 ? "…" : ""
        var position = first > 0 ? terms[first].bytes.lowerBound : 0
        for term in terms[first..<end] where matcher.matches(term.text) {
            result += String(decoding: bytes[position..<term.bytes.lowerBound], as: UTF8.self)
            result += SQLSearchRepository.open + String(decoding: bytes[term.bytes], as: UTF8.self) + SQLSearchRepository.close
            position = term.bytes.upperBound
        }
        let stop = end < terms.count ? terms[end - 1].bytes.upperBound : bytes.count
        result += String(decoding: bytes[position..<max(position, stop)], as: UTF8.self)
        return end < terms.count ? result + "…" : result
    }
}
