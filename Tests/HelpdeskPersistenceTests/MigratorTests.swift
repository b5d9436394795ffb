import Foundation
import HelpdeskPersistence
import Logging
import SQLKit
import Testing

@Suite struct MigratorTests {
    @Test func migratingTwiceChangesNothing() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let again = try await Migrator(storage: database.storage, logger: Logger(label: "test")).migrate()
            #expect(again.isEmpty)
            let versions = try await database.storage.reader.raw("SELECT version FROM schema_migrations ORDER BY version")
                .all(decodingColumn: "version", as: Int.self)
            #expect(versions == Schema.migrations.map(\.version))
        }
    }

    @Test func nodesStartingTogetherApplyEachStepOnce() async throws {
        try await TemporaryDatabase.withDatabase { database in
            // A database no node has migrated yet.
            try await database.storage.transaction { db in try await db.raw("DROP TABLE schema_migrations").run() }
            let nodes = [try await database.openAnother(), try await database.openAnother()]
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for node in nodes {
                    group.addTask {
                        try await Migrator(storage: node, logger: Logger(label: "test")).migrate([
                            Migration(version: 1, name: "a table", statements: ["CREATE TABLE shared_start (id TEXT PRIMARY KEY)"]),
                        ])
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            for node in nodes { try await node.close() }
            #expect(applied == [1], "\(database.kind)")
        }
    }

    @Test func theDatabaseRunsInWALMode() async throws {
        try await TemporaryDatabase.withSQLite { database in
            let mode = try await database.storage.reader.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self)
            #expect(mode == "wal")
        }
    }

    @Test func aFailedTransactionLeavesNoTrace() async throws {
        struct Boom: Error {}
        try await TemporaryDatabase.withDatabase { database in
            await #expect(throws: Boom.self) {
                try await database.storage.transaction { db in
                    try await db.raw("INSERT INTO ticket_counters (period, last_value) VALUES ('9912', 5)").run()
                    throw Boom()
                }
            }
            let rows = try await database.storage.reader.raw("SELECT * FROM ticket_counters").all()
            #expect(rows.isEmpty)
        }
    }

    @Test func earlierTicketsGetTheirSlaClocksFromTheirHistory() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-migrate-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let storage = try await SQLiteStorage.open(.sqliteFile(path), logger: Logger(label: "test"))
        let migrator = Migrator(storage: storage, logger: Logger(label: "test"))
        _ = try await migrator.migrate(Schema.migrations.filter { $0.version <= 2 })
        try await storage.transaction { db in
            try await db.raw("INSERT INTO users (id, email, name, role, password_hash, is_disabled, created_at, updated_at) VALUES ('u', 'u@x', 'U', 'customer', 'x', 0, 0, 0)").run()
            for (id, status, resolvedAt) in [("active", "open", nil), ("done", "resolved", 7_200_000 as Int64?)] {
                try await db.raw("""
                    INSERT INTO tickets (id, ticket_number, title, category, customer_id, customer_name, customer_email, status,
                        priority, priority_rank, last_seq, sla_deadline, created_at, updated_at, resolved_at)
                    VALUES (\(bind: id), \(bind: id), 't', 'general', 'u', 'U', 'u@x', \(bind: status),
                        'medium', 2, 2, 86400000, 1000, 7200000, \(bind: resolvedAt))
                    """).run()
                try await db.raw("""
                    INSERT INTO messages (id, ticket_id, seq, content, sender, sender_name, type, attachments, created_at)
                    VALUES (\(bind: id + "-2"), \(bind: id), 2, 'hi', 'agent', 'A', 'text', '[]', 60000)
                    """).run()
            }
        }
        _ = try await migrator.migrate()
        let tickets = SQLTicketRepository(storage: storage)
        let active = try #require(try await tickets.find(reference: "active")).sla
        #expect(active.firstRespondedAt == Date(timeIntervalSince1970: 60))
        #expect(active.resolutionStartedAt == Date(timeIntervalSince1970: 1))
        let done = try #require(try await tickets.find(reference: "done")).sla
        #expect(done.resolutionStartedAt == nil)
        #expect(done.resolutionUsed == 7199)
        try await storage.close()
    }
}
