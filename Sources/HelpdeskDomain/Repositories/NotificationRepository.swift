import Foundation

/// Storage of users' notifications.
public protocol NotificationRepository: Sendable {
    func add(_ notifications: [UserNotification]) async throws
    /// The user's newest notifications first, older than `before` when given.
    func list(userId: String, unreadOnly: Bool, before: Date?, limit: Int) async throws -> [UserNotification]
    func unreadCount(userId: String) async throws -> Int
    /// Each user's preferences; users who never set any are left out.
    func preferences(userIds: [String]) async throws -> [String: NotificationPreferences]
    func savePreferences(_ preferences: NotificationPreferences, userId: String) async throws
    /// Marks the given notifications of the user read (all of them when `ids` is nil); answers how many changed.
    func markRead(userId: String, ids: [String]?, at date: Date) async throws -> Int
}
