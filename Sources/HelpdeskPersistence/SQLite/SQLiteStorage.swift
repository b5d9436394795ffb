import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLite in WAL mode through its C API: one writer connection whose transactions are serialized
/// and run on a thread of their own, a few read connections used from the blocking thread pool,
/// and a connection that checkpoints the log in the background.
public final class SQLiteStorage: SQLStorage {
    /// One read connection per thread of the blocking pool that runs the reads: more would only
    /// keep more copies of the same pages in their caches.
    static var readerCount: Int { max(1, NIOSingletons.blockingPoolThreadCountSuggestion) }

    public let reader: any SQLDatabase
    private let writer: SQLiteDatabase
    private let writerConnection: SQLiteConnectionLock
    private let connections: [SQLiteConnectionLock]
    private let writeLock = AsyncMutex()
    private let writerThread = SQLiteWriterThread()
    private let checkpointer: SQLiteCheckpointer?

    private init(writer: SQLiteConnectionLock, readers: [SQLiteConnectionLock], checkpointing: SQLiteConnectionLock?, logger: Logger) {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        self.writer = SQLiteDatabase(execution: .direct(writer), logger: logger, eventLoop: eventLoop)
        self.writerConnection = writer
        self.reader = SQLiteDatabase(
            execution: .pooled(readers.isEmpty ? [writer] : readers, .singleton, SQLiteDatabase.Counter()),
            logger: logger, eventLoop: eventLoop
        )
        self.connections = [writer] + readers + (checkpointing.map { [$0] } ?? [])
        self.checkpointer = checkpointing.map { connection in
            let checkpointer = SQLiteCheckpointer(connection: connection, logger: logger)
            writer.reportLogSize(to: checkpointer)
            return checkpointer
        }
    }

    /// Opens (and creates) the database; an in-memory database has one connection for everything.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> SQLiteStorage {
        try await NIOThreadPool.singleton.runIfActive {
            switch location {
            case .sqliteMemory:
                return SQLiteStorage(writer: try connect(":memory:", wal: false), readers: [], checkpointing: nil, logger: logger)
            case .sqliteFile(let path):
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let writer = try connect(path, wal: true)
                let readers = try (0..<readerCount).map { _ in try connect(path, wal: true) }
                return SQLiteStorage(writer: writer, readers: readers, checkpointing: try connect(path, wal: true), logger: logger)
            case .postgres(let url):
                throw DatabaseLocationError(url: url, reason: "not an SQLite database")
            }
        }
    }

    static func connect(_ path: String, wal: Bool) throws -> SQLiteConnectionLock {
        let connection = SQLiteConnectionLock(try SQLiteConnection(path: path))
        if wal {
            try connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
        }
        try connection.execute("PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON")
        return connection
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        let thread = writerThread
        let checkpointer = self.checkpointer
        let writerConnection = self.writerConnection
        return try await writeLock.withLock {
            try await withTaskExecutorPreference(thread) {
                try await writer.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(writer)
                    try await writer.raw("COMMIT").run()
                    checkpointer?.committed(writer: writerConnection)
                    return result
                } catch {
                    try? await writer.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    public func ping() async throws {
        _ = try await reader.raw("SELECT 1 AS ok").first()
    }

    public func close() async throws {
        try await writeLock.withLock {
            for connection in connections {
                connection.close()
            }
        }
        try await writerThread.shutdown()
    }
}
