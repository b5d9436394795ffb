import Foundation
import HelpdeskDomain
import SQLKit

/// Users in the `users` table.
public struct SQLUserRepository: UserRepository {
    private let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func create(_ user: User, passwordHash: String) async throws {
        try await storage.transaction { db in
            let taken = try await db.raw("SELECT id FROM users WHERE email = \(bind: user.email)").first()
            guard taken == nil else { throw HelpdeskError.conflict("A user with this email already exists.") }
            try await db.raw("""
                INSERT INTO users (id, email, name, role, avatar_url, password_hash, is_disabled, created_at, updated_at)
                VALUES (\(bind: user.id), \(bind: user.email), \(bind: user.name), \(bind: user.role.rawValue),
                        \(bind: user.avatarURL), \(bind: passwordHash), \(bind: user.isDisabled ? 1 : 0),
                        \(bind: user.createdAt.epochMilliseconds), \(bind: user.updatedAt.epochMilliseconds))
                """).run()
        }
    }

    public func find(id: String) async throws -> User? {
        try await storage.reader.raw("SELECT * FROM users WHERE id = \(bind: id)")
            .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.user
    }

    public func find(email: String) async throws -> User? {
        try await storage.reader.raw("SELECT * FROM users WHERE email = \(bind: email.lowercased())")
            .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.user
    }

    public func passwordHash(userId: String) async throws -> String? {
        try await storage.reader.raw("SELECT password_hash FROM users WHERE id = \(bind: userId)")
            .first(decodingColumn: "password_hash", as: String.self)
    }

    public func list(role: Role?) async throws -> [User] {
        let filter: SQLQueryString = role.map { "WHERE role = \(bind: $0.rawValue)" } ?? ""
        return try await storage.reader.raw("SELECT * FROM users \(filter) ORDER BY name, id")
            .all(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.user)
    }

    public func update(_ user: User) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                UPDATE users SET name = \(bind: user.name), role = \(bind: user.role.rawValue),
                    avatar_url = \(bind: user.avatarURL), is_disabled = \(bind: user.isDisabled ? 1 : 0),
                    updated_at = \(bind: user.updatedAt.epochMilliseconds)
                WHERE id = \(bind: user.id)
                """).run()
        }
    }

    public func countActiveAdmins() async throws -> Int {
        try await storage.reader.raw("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND is_disabled = 0")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

/// A `users` row.
private struct UserRow: Decodable {
    var id: String
    var email: String
    var name: String
    var role: Role
    var avatarUrl: String?
    var isDisabled: Int
    var createdAt: Int64
    var updatedAt: Int64

    var user: User {
        User(
            id: id, email: email, name: name, role: role, avatarURL: avatarUrl, isDisabled: isDisabled != 0,
            createdAt: Date(epochMilliseconds: createdAt), updatedAt: Date(epochMilliseconds: updatedAt)
        )
    }
}
