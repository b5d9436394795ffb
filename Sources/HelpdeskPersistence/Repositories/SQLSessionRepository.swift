import Foundation
import HelpdeskDomain
import SQLKit

/// Sessions in the `sessions` table.
public struct SQLSessionRepository: SessionRepository {
    private let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func create(_ session: Session) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO sessions (token_digest, user_id, created_at, expires_at)
                VALUES (\(bind: session.tokenDigest), \(bind: session.userId),
                        \(bind: session.createdAt.epochMilliseconds), \(bind: session.expiresAt.epochMilliseconds))
                """).run()
        }
    }

    public func find(tokenDigest: String) async throws -> Session? {
        guard let row = try await storage.reader.raw("SELECT * FROM sessions WHERE token_digest = \(bind: tokenDigest)").first()
        else { return nil }
        return Session(
            tokenDigest: try row.decode(column: "token_digest", as: String.self),
            userId: try row.decode(column: "user_id", as: String.self),
            createdAt: Date(epochMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            expiresAt: Date(epochMilliseconds: try row.decode(column: "expires_at", as: Int64.self))
        )
    }

    public func delete(tokenDigest: String) async throws {
        try await storage.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE token_digest = \(bind: tokenDigest)").run()
        }
    }

    public func deleteAll(userId: String) async throws {
        try await storage.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userId)").run()
        }
    }
}
