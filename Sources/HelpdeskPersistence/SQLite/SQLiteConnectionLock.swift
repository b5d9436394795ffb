import Synchronization

/// A connection behind a lock: each statement runs from start to end with the connection to itself,
/// so it sees every transaction that committed before it began.
final class SQLiteConnectionLock: Sendable {
    private let connection: Mutex<SQLiteConnection>

    init(_ connection: sending SQLiteConnection) {
        self.connection = Mutex(connection)
    }

    func run(_ sql: String, _ values: [SQLiteValue], onRow: @Sendable (SQLiteRow) -> Void) throws {
        try connection.withLock { try $0.run(sql, values, onRow: onRow) }
    }

    func searchTerms(_ text: String) throws -> [SearchTerm] {
        try connection.withLock { try $0.searchTerms(text) }
    }

    func execute(_ sql: String) throws {
        try connection.withLock { try $0.execute(sql) }
    }

    func reportLogSize(to observer: SQLiteCheckpointer) {
        connection.withLock { $0.reportLogSize(to: observer) }
    }

    func checkpoint() throws -> Int {
        try connection.withLock { try $0.checkpoint() }
    }

    func close() {
        connection.withLock { $0.close() }
    }
}
