/// Storage of quick replies.
public protocol QuickReplyRepository: Sendable {
    /// The shared replies and `userId`'s personal ones, by shortcut.
    func visible(to userId: String) async throws -> [QuickReply]
    func find(id: String) async throws -> QuickReply?
    /// Stores a new or changed reply; throws `HelpdeskError.conflict` when its shortcut is taken in its scope.
    func save(_ reply: QuickReply) async throws
    func delete(id: String) async throws
}
