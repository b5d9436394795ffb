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
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """).run()
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let didApply = try await storage.transaction { db in
                let existing = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard existing == nil else { return false }
                for statement in migration.statements {
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
}
