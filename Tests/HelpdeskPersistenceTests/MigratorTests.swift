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
            let versions = try await database.storage.reader.raw("SELECT version FROM schema_migrations")
                .all(decodingColumn: "version", as: Int.self)
            #expect(versions == Schema.migrations.map(\.version))
        }
    }

    @Test func theDatabaseRunsInWALMode() async throws {
        try await TemporaryDatabase.withDatabase { database in
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
}
