import CHelpdeskSearch
import CSQLite

/// One SQLite connection over the C API, with its prepared statements cached by SQL text.
///
/// Not thread-safe by itself: each one is owned by a `SQLiteConnectionLock`, which runs one
/// statement at a time from start to end.
final class SQLiteConnection {
    /// A prepared statement and its column names.
    private struct Prepared {
        var statement: OpaquePointer
        var columns: SQLiteColumns
        var reprepareCount: Int32
    }

    static let statementCacheLimit = 128
    /// Tells SQLite to copy bound text and blobs.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private var handle: OpaquePointer?
    private var cache: [String: Prepared] = [:]
    /// Told the log's size after each commit; kept alive as long as SQLite may call it.
    private var logObserver: SQLiteCheckpointer?

    /// Opens (creating) the file at `path`, or a private in-memory database for `:memory:`.
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let error = SQLiteError(code: status, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)")
            sqlite3_close_v2(handle)
            throw error
        }
        sqlite3_extended_result_codes(handle, 1)
        let registered = helpdesk_search_register(handle)
        guard registered == SQLITE_OK else {
            sqlite3_close_v2(handle)
            throw SQLiteError(code: registered, message: "cannot register the search tokenizer")
        }
    }

    deinit {
        close()
    }

    func close() {
        for prepared in cache.values { sqlite3_finalize(prepared.statement) }
        cache = [:]
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// The terms the search tokenizer makes of `text`, in order.
    func searchTerms(_ text: String) throws -> [SearchTerm] {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "closed") }
        var terms: [SearchTerm] = []
        let status = text.utf8CString.withUnsafeBufferPointer { bytes in
            withUnsafeMutablePointer(to: &terms) { terms in
                helpdesk_search_terms(handle, bytes.baseAddress, Int32(bytes.count - 1), terms) { context, _, token, length, start, end in
                    guard let context, let token else { return SQLITE_OK }
                    let text = String(decoding: UnsafeRawBufferPointer(start: token, count: Int(length)), as: UTF8.self)
                    context.assumingMemoryBound(to: [SearchTerm].self).pointee.append(SearchTerm(text: text, bytes: Int(start)..<Int(end)))
                    return SQLITE_OK
                }
            }
        }
        guard status == SQLITE_OK else { throw SQLiteError(code: status, message: "cannot split the text into search terms") }
        return terms
    }

    /// Runs one statement with its bound values, handing each result row to `onRow`.
    func run(_ sql: String, _ values: [SQLiteValue], onRow: (SQLiteRow) -> Void) throws {
        var prepared = try statement(for: sql)
        let statement = prepared.statement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in values.enumerated() {
            try check(bind(value, at: Int32(index + 1), in: statement))
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status) }
            let reprepared = sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)
            if reprepared != prepared.reprepareCount {
                prepared.columns = Self.columns(of: statement)
                prepared.reprepareCount = reprepared
                cache[sql] = prepared
            }
            onRow(SQLiteRow(columns: prepared.columns, values: (0..<prepared.columns.names.count).map { read(column: Int32($0), of: statement) }))
        }
    }

    /// Runs statements that take no values and return no rows, such as pragmas and DDL.
    func execute(_ sql: String) throws {
        try check(sqlite3_exec(handle, sql, nil, nil, nil))
    }

    /// Reports the write-ahead log's size in frames to `observer` after each commit, instead of
    /// checkpointing automatically when it passes 1,000 frames.
    func reportLogSize(to observer: SQLiteCheckpointer) {
        logObserver = observer
        sqlite3_wal_hook(handle, { context, _, _, frames in
            guard let context else { return SQLITE_OK }
            Unmanaged<SQLiteCheckpointer>.fromOpaque(context).takeUnretainedValue().logGrew(to: Int(frames))
            return SQLITE_OK
        }, Unmanaged.passUnretained(observer).toOpaque())
    }

    /// Copies committed pages from the write-ahead log into the database file without waiting for
    /// readers or the writer; returns how many of the log's frames are in the database file now.
    func checkpoint() throws -> Int {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "closed") }
        var logFrames: Int32 = 0
        var copiedFrames: Int32 = 0
        try check(sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames))
        return Int(copiedFrames)
    }

    private func statement(for sql: String) throws -> Prepared {
        if let prepared = cache[sql] { return prepared }
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil))
        guard let statement else { throw SQLiteError(code: SQLITE_MISUSE, message: "empty statement") }
        if cache.count >= Self.statementCacheLimit {
            for prepared in cache.values { sqlite3_finalize(prepared.statement) }
            cache = [:]
        }
        let prepared = Prepared(
            statement: statement, columns: Self.columns(of: statement),
            reprepareCount: sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_REPREPARE, 0)
        )
        cache[sql] = prepared
        return prepared
    }

    private static func columns(of statement: OpaquePointer) -> SQLiteColumns {
        SQLiteColumns(names: (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) })
    }

    private func bind(_ value: SQLiteValue, at index: Int32, in statement: OpaquePointer) -> Int32 {
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let integer): sqlite3_bind_int64(statement, index, integer)
        case .real(let real): sqlite3_bind_double(statement, index, real)
        case .text(let text): sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let bytes):
            bytes.withUnsafeBytes { sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient) }
        }
    }

    private func read(column: Int32, of statement: OpaquePointer) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_OK else { throw error(status) }
    }

    private func error(_ status: Int32) -> SQLiteError {
        SQLiteError(code: status, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed")
    }
}
