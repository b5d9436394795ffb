import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLite in WAL mode through its C API: one writer connection whose transactions are serialized
/// and run on a thread of their own, and a few read connections used from the blocking thread pool.
public final class SQLiteStorage: SQLStorage {
    static let readerCount = 4

    public let reader: any SQLDatabase
    private let writer: SQLiteDatabase
    private let connections: [SQLiteConnectionLock]
    private let writeLock = AsyncMutex()
    private let writerThread = SQLiteWriterThread()

    private init(writer: SQLiteConnectionLock, readers: [SQLiteConnectionLock], logger: Logger) {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        self.writer = SQLiteDatabase(execution: .direct(writer), logger: logger, eventLoop: eventLoop)
        self.reader = SQLiteDatabase(
            execution: .pooled(readers.isEmpty ? [writer] : readers, .singleton, SQLiteDatabase.Counter()),
            logger: logger, eventLoop: eventLoop
        )
        self.connections = [writer] + readers
    }

    /// Opens (and creates) the database; an in-memory database has one connection for everything.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> SQLiteStorage {
        try await NIOThreadPool.singleton.runIfActive {
            switch location {
            case .sqliteMemory:
                return SQLiteStorage(writer: try connect(":memory:", wal: false), readers: [], logger: logger)
            case .sqliteFile(let path):
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let writer = try connect(path, wal: true)
                let readers = try (0..<readerCount).map { _ in try connect(path, wal: true) }
                return SQLiteStorage(writer: writer, readers: readers, logger: logger)
            }
        }
    }

    private static func connect(_ path: String, wal: Bool) throws -> SQLiteConnectionLock {
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
        return try await writeLock.withLock {
            try await withTaskExecutorPreference(thread) {
                try await writer.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(writer)
                    try await writer.raw("COMMIT").run()
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
