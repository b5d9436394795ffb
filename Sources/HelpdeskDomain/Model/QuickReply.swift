import Foundation

/// A canned response an agent inserts into the chat by its shortcut: shared with every agent (kept
/// by admins) or personal to its owner. Its text may hold placeholders such as `{{customer.name}}`.
public struct QuickReply: Sendable, Equatable {
    public var id: String
    /// Nil for a shared reply; the owner's user id for a personal one.
    public var ownerId: String?
    /// What follows `/` in the message box: lowercase letters, digits, `-` and `_`.
    public var shortcut: String
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, ownerId: String?, shortcut: String, text: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerId = ownerId
        self.shortcut = shortcut
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var isShared: Bool { ownerId == nil }
}
