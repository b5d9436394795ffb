/// SQLite's `helpdesk` tokenizer for databases without it: PostgreSQL indexes and searches the very
/// terms it makes, so both databases fold Arabic and stem English the same way.
enum SearchTokenizer {
    private static let connection: Result<SQLiteConnectionLock, any Error> = Result {
        SQLiteConnectionLock(try SQLiteConnection(path: ":memory:"))
    }

    /// The terms of `text`, in order.
    static func terms(_ text: String) throws -> [SearchTerm] {
        try connection.get().searchTerms(text)
    }

    /// The distinct terms of `text`, as PostgreSQL stores them for the index.
    static func indexed(_ text: String) throws -> [String] {
        var seen = Set<String>()
        return try terms(text).map(\.text).filter { seen.insert($0).inserted }
    }
}
