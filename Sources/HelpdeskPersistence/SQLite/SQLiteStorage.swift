import Foundation
import Logging
import SQLKit
import SQLiteKit

/// SQLite in WAL mode: one writer connection behind a lock, and a small pool of read connections.
public final class SQLiteStorage: SQLStorage {
    static let readerCount = 4

    public let reader: any SQLDatabase
    private let writer: any SQLDatabase
    private let connections: [SQLiteConnection]
    private let writeLock = AsyncMutex()

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer.sql(queryLogLevel: .trace)
        self.reader = SQLiteReaderPool(connections: readers.isEmpty ? [writer] : readers, logger: logger)
        self.connections = [writer] + readers
    }

    /// Opens (and creates) the database; an in-memory database shares one connection.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> SQLiteStorage {
        switch location {
        case .sqliteMemory:
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            try await configure(connection, wal: false)
            return SQLiteStorage(writer: connection, readers: [], logger: logger)
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            try await configure(writer, wal: true)
            var readers: [SQLiteConnection] = []
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                try await configure(reader, wal: true)
                readers.append(reader)
            }
            return SQLiteStorage(writer: writer, readers: readers, logger: logger)
        }
    }

    private static func configure(_ connection: SQLiteConnection, wal: Bool) async throws {
        let db = connection.sql()
        if wal {
            try await db.raw("PRAGMA journal_mode=WAL").run()
            try await db.raw("PRAGMA synchronous=NORMAL").run()
        }
        try await db.raw("PRAGMA busy_timeout=5000").run()
        try await db.raw("PRAGMA foreign_keys=ON").run()
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let writer = self.writer
        return try await writeLock.withLock {
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

    public func ping() async throws {
        _ = try await reader.raw("SELECT 1 AS ok").first()
    }

    public func close() async throws {
        for connection in connections {
            try await connection.close()
        }
    }
}
