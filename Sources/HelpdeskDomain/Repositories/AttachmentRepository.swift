/// Storage of uploaded files' records (their bytes live in a file store the app keeps).
public protocol AttachmentRepository: Sendable {
    func insert(_ attachment: StoredAttachment) async throws
    func find(id: String) async throws -> StoredAttachment?
    func find(ids: [String]) async throws -> [StoredAttachment]
}
