import Foundation
import HelpdeskDomain
import SQLKit

/// Uploaded files' records in `attachments`.
public struct SQLAttachmentRepository: AttachmentRepository {
    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func insert(_ attachment: StoredAttachment) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO attachments (id, ticket_id, uploader_id, name, size, mime_type, sha256, created_at)
                VALUES (\(bind: attachment.id), \(bind: attachment.ticketId), \(bind: attachment.uploaderId), \(bind: attachment.name),
                        \(bind: attachment.size), \(bind: attachment.mimeType), \(bind: attachment.sha256), \(bind: attachment.createdAt.epochMilliseconds))
                """).run()
        }
    }

    public func find(id: String) async throws -> StoredAttachment? {
        try await find(ids: [id]).first
    }

    public func find(ids: [String]) async throws -> [StoredAttachment] {
        guard !ids.isEmpty else { return [] }
        return try await storage.reader.raw("SELECT * FROM attachments WHERE id IN (\(binds: ids))").all().map { row in
            StoredAttachment(
                id: try row.decode(column: "id", as: String.self),
                ticketId: try row.decode(column: "ticket_id", as: String.self),
                uploaderId: try row.decode(column: "uploader_id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                size: try row.decode(column: "size", as: Int.self),
                mimeType: try row.decode(column: "mime_type", as: String.self),
                sha256: try row.decode(column: "sha256", as: String.self),
                createdAt: Date(epochMilliseconds: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }
}
