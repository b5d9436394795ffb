import Foundation

/// Uploading files to a ticket and downloading them: whoever may write in a ticket uploads to it,
/// whoever may read it downloads; the bytes are kept by the app's file store.
public struct AttachmentService: Sendable {
    private let attachments: any AttachmentRepository
    private let tickets: TicketService
    private let clock: any HelpdeskClock

    public init(attachments: any AttachmentRepository, tickets: TicketService, clock: any HelpdeskClock) {
        self.attachments = attachments
        self.tickets = tickets
        self.clock = clock
    }

    /// The ticket the actor may upload to; asked before any byte is stored.
    public func uploadTarget(_ reference: String, as actor: User) async throws -> Ticket {
        let ticket = try await tickets.summary(reference, as: actor).ticket
        guard ticket.status != .closed else { throw HelpdeskError.conflict("The ticket is closed; reopen it to attach files.") }
        return ticket
    }

    /// Records a stored file under a safe name, its type read from its bytes (`mimeType`: nil when not allowed).
    public func register(
        to ticket: Ticket, name: String, size: Int, mimeType: String?, sha256: String, as actor: User
    ) async throws -> StoredAttachment {
        guard let mimeType else {
            throw HelpdeskError.invalidField("file", "this type of file is not allowed; allowed are \(AttachmentRules.allowed.joined(separator: ", "))")
        }
        guard size > 0 else { throw HelpdeskError.invalidField("file", "must not be empty") }
        let now = clock.now()
        let attachment = StoredAttachment(
            id: RandomID.make(at: now), ticketId: ticket.id, uploaderId: actor.id, name: AttachmentRules.safeName(name),
            size: size, mimeType: mimeType, sha256: sha256, createdAt: now
        )
        try await attachments.insert(attachment)
        return attachment
    }

    /// The files a message refers to by id: each one the actor uploaded (at most 10).
    public func resolve(_ ids: [String], as actor: User) async throws -> [StoredAttachment] {
        guard ids.count <= 10 else { throw HelpdeskError.invalidField("attachments", "at most 10 files a message") }
        let found = try await attachments.find(ids: ids)
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try ids.map { id in
            guard let attachment = byId[id], attachment.uploaderId == actor.id else {
                throw HelpdeskError.invalidField("attachments", "\(id) is not a file you uploaded")
            }
            return attachment
        }
    }

    /// A file the actor may read (it belongs to a ticket they may read); else not found.
    public func download(_ id: String, as actor: User) async throws -> StoredAttachment {
        guard let attachment = try await attachments.find(id: id) else { throw HelpdeskError.notFound("Attachment") }
        do {
            _ = try await tickets.summary(attachment.ticketId, as: actor)
        } catch HelpdeskError.notFound {
            throw HelpdeskError.notFound("Attachment")
        }
        return attachment
    }
}
