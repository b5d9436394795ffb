import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Logging

/// A migrated SQLite file in a fresh temporary folder, removed when the test is done.
struct TemporaryDatabase {
    let path: String
    let storage: SQLiteStorage
    let tickets: SQLTicketRepository

    static func withDatabase<T>(_ body: (TemporaryDatabase) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("helpdesk.sqlite").path
        let storage = try await open(path)
        do {
            let result = try await body(TemporaryDatabase(path: path, storage: storage, tickets: SQLTicketRepository(storage: storage)))
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
