import CSQLite

/// An error reported by SQLite: its result code and message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String

    /// Another connection held a lock this one needed (`SQLITE_BUSY` or one of its extended codes).
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY }

    public var description: String { "SQLite error \(code): \(message)" }
}
