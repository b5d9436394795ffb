import Foundation

/// A file uploaded to a ticket: what it is called and holds (its type read from its bytes), who
/// sent it, and the content hash its bytes are stored under (one copy for identical files).
public struct StoredAttachment: Sendable, Equatable {
    public var id: String
    public var ticketId: String
    public var uploaderId: String
    public var name: String
    public var size: Int
    public var mimeType: String
    public var sha256: String
    public var createdAt: Date

    public init(id: String, ticketId: String, uploaderId: String, name: String, size: Int, mimeType: String, sha256: String, createdAt: Date) {
        self.id = id
        self.ticketId = ticketId
        self.uploaderId = uploaderId
        self.name = name
        self.size = size
        self.mimeType = mimeType
        self.sha256 = sha256
        self.createdAt = createdAt
    }

    /// Where it is downloaded.
    public var url: String { "/api/attachments/\(id)" }

    /// As a message carries it.
    public var attachment: Attachment {
        Attachment(name: name, size: size, mimeType: mimeType, url: url)
    }
}
