import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Logging
import SQLKit

/// A fresh migrated database for one test: an SQLite file in a temporary folder, and — when
/// `HELPDESK_TEST_POSTGRES_URL` names a PostgreSQL server (`scripts/test` starts one) — a new
/// database there too, so the same tests run against both. Removed when the test is done.
struct TemporaryDatabase {
    enum Kind: String {
        case sqlite
        case postgres
    }

    let kind: Kind
    /// The database's URL, for a second connection to it (another node).
    let url: String
    /// The SQLite file, for tests of what only SQLite has.
    let path: String?
    let storage: any SQLStorage
    let tickets: SQLTicketRepository

    /// The admin URL of the PostgreSQL server the tests may use.
    static let postgresURL = ProcessInfo.processInfo.environment["HELPDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Runs `body` on a fresh database of every kind this run has, SQLite first.
    static func withDatabase(_ body: (TemporaryDatabase) async throws -> Void) async throws {
        try await withSQLite(body)
        if let postgresURL {
            try await withPostgres(serverURL: postgresURL, body)
        }
    }

    /// Runs `body` on a fresh SQLite file only.
    static func withSQLite<T>(_ body: (TemporaryDatabase) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("helpdesk.sqlite").path
        return try await using(try await open(path)) { storage in
            try await body(TemporaryDatabase(kind: .sqlite, url: "sqlite:" + path, path: path, storage: storage, tickets: SQLTicketRepository(storage: storage)))
        }
    }

    private static func withPostgres(serverURL: String, _ body: (TemporaryDatabase) async throws -> Void) async throws {
        let name = "helpdesk_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let url = serverURL.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/" + name
        try await using(try await PostgresStorage.open(url: serverURL, logger: Logger(label: "test"))) { server in
            try await server.reader.raw("CREATE DATABASE \(ident: name)").run()
            do {
                let storage = try await PostgresStorage.open(url: url, logger: Logger(label: "test"))
                try await using(storage) { storage in
                    try await Migrator(storage: storage, logger: Logger(label: "test")).migrate()
                    try await body(TemporaryDatabase(kind: .postgres, url: url, path: nil, storage: storage, tickets: SQLTicketRepository(storage: storage)))
                }
            } catch {
                try? await server.reader.raw("DROP DATABASE \(ident: name) WITH (FORCE)").run()
                throw error
            }
            try await server.reader.raw("DROP DATABASE \(ident: name) WITH (FORCE)").run()
        }
    }

    /// Runs `body` and closes `storage` however it ends.
    private static func using<T>(_ storage: any SQLStorage, _ body: (any SQLStorage) async throws -> T) async throws -> T {
        do {
            let result = try await body(storage)
            try await storage.close()
            return result
        } catch {
            try? await storage.close()
            throw error
        }
    }

    static func open(_ path: String) async throws -> SQLiteStorage {
        let storage = try await SQLiteStorage.open(.sqliteFile(path), logger: Logger(label: "test"))
        try await Migrator(storage: storage, logger: Logger(label: "test")).migrate()
        return storage
    }

    var users: SQLUserRepository { SQLUserRepository(storage: storage) }

    /// Opens the same database again, as another node would; the caller closes it.
    func openAnother() async throws -> any SQLStorage {
        switch kind {
        case .sqlite: try await SQLiteStorage.open(try DatabaseLocation(url: url), logger: Logger(label: "test"))
        case .postgres: try await PostgresStorage.open(url: url, logger: Logger(label: "test"))
        }
    }

    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    /// Stores a user with a throwaway hash.
    @discardableResult
    func addUser(_ id: String, _ role: Role) async throws -> User {
        let user = User(id: id, email: "\(id)@example.com", name: id.capitalized, role: role, createdAt: Self.epoch, updatedAt: Self.epoch)
        try await users.create(user, passwordHash: "x")
        return user
    }
}

/// A clock a test sets by hand.
struct FixedClock: HelpdeskClock {
    var date: Date
    func now() -> Date { date }
}
