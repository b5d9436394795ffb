import Foundation
import Logging
import SQLKit

/// Applies the pending migrations in order, each in its own transaction; running it again changes nothing.
public struct Migrator: Sendable {
    private let storage: any SQLStorage
    private let logger: Logger

    public init(storage: any SQLStorage, logger: Logger) {
        self.storage = storage
        self.logger = logger
    }

    /// Returns the versions it applied.
    @discardableResult
    public func migrate(_ migrations: [Migration] = Schema.migrations) async throws -> [Int] {
        try await storage.transaction { db in
            try await Self.lock(db)
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """).run()
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let didApply = try await storage.transaction { db in
                try await Self.lock(db)
                let existing = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard existing == nil else { return false }
                for statement in migration.statements(for: db.flavor) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date().epochMilliseconds))
                    """).run()
                return true
            }
            if didApply {
                logger.debug("Applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// Nodes starting together on one PostgreSQL server migrate one at a time: each step's transaction
    /// holds this lock, so the others wait and then find the step recorded. SQLite's writer is single.
    private static func lock(_ db: any SQLDatabase) async throws {
        guard db.flavor == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(literal: migrationLockKey))").run()
    }

    /// The advisory lock key of migrations (any number the desk uses for nothing else).
    static let migrationLockKey = 7_310_001
}
