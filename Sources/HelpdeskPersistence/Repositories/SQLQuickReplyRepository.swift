import Foundation
import HelpdeskDomain
import SQLKit

/// Quick replies in `quick_replies`.
public struct SQLQuickReplyRepository: QuickReplyRepository {
    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func visible(to userId: String) async throws -> [QuickReply] {
        try await storage.reader.raw("""
            SELECT * FROM quick_replies WHERE owner_id IS NULL OR owner_id = \(bind: userId) ORDER BY shortcut, owner_id IS NULL
            """).all().map(Self.reply)
    }

    public func find(id: String) async throws -> QuickReply? {
        try await storage.reader.raw("SELECT * FROM quick_replies WHERE id = \(bind: id)").first().map(Self.reply)
    }

    public func save(_ reply: QuickReply) async throws {
        try await storage.transaction { db in
            let taken = try await db.raw("""
                SELECT id FROM quick_replies
                WHERE COALESCE(owner_id, '') = \(bind: reply.ownerId ?? "") AND shortcut = \(bind: reply.shortcut) AND id <> \(bind: reply.id)
                """).first()
            guard taken == nil else {
                throw HelpdeskError.conflict("There is already a \(reply.isShared ? "shared" : "personal") quick reply /\(reply.shortcut).")
            }
            try await db.raw("""
                INSERT INTO quick_replies (id, owner_id, shortcut, text, created_at, updated_at)
                VALUES (\(bind: reply.id), \(bind: reply.ownerId), \(bind: reply.shortcut), \(bind: reply.text),
                        \(bind: reply.createdAt.epochMilliseconds), \(bind: reply.updatedAt.epochMilliseconds))
                ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, shortcut = excluded.shortcut, text = excluded.text,
                    updated_at = excluded.updated_at
                """).run()
        }
    }

    public func delete(id: String) async throws {
        try await storage.transaction { db in
            try await db.raw("DELETE FROM quick_replies WHERE id = \(bind: id)").run()
        }
    }

    private static func reply(_ row: any SQLRow) throws -> QuickReply {
        QuickReply(
            id: try row.decode(column: "id", as: String.self),
            ownerId: try row.decode(column: "owner_id", as: String?.self),
            shortcut: try row.decode(column: "shortcut", as: String.self),
            text: try row.decode(column: "text", as: String.self),
            createdAt: Date(epochMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(epochMilliseconds: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
