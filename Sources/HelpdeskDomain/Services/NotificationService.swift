import Foundation

/// In-app notifications: recorded for committed ticket events, read and marked read by their owner.
public struct NotificationService: Sendable {
    public static let maxPage = 100

    private let notifications: any NotificationRepository
    private let users: any UserRepository
    private let clock: any HelpdeskClock
    private let rules: NotificationRules

    public init(notifications: any NotificationRepository, users: any UserRepository, clock: any HelpdeskClock, rules: NotificationRules = NotificationRules()) {
        self.notifications = notifications
        self.users = users
        self.clock = clock
        self.rules = rules
    }

    /// Stores the notifications an event causes and returns them.
    public func record(_ event: TicketEvent) async throws -> [UserNotification] {
        guard NotificationRules.mayNotify(event) else { return [] }
        let staff = NotificationRules.needsStaff(event)
            ? try await users.list(role: nil).filter { $0.role.isStaff && !$0.isDisabled } : []
        var made = rules.notifications(for: event, staff: staff, now: clock.now())
        guard !made.isEmpty else { return [] }
        let preferences = try await notifications.preferences(userIds: Array(Set(made.map(\.userId))))
        made.removeAll { preferences[$0.userId]?.muted.contains($0.kind) == true }
        if !made.isEmpty { try await notifications.add(made) }
        return made
    }

    /// The actor's notifications, newest first, and how many are unread.
    public func list(unreadOnly: Bool, before: Date?, limit: Int, as actor: User) async throws -> (items: [UserNotification], unread: Int) {
        guard (1...Self.maxPage).contains(limit) else { throw HelpdeskError.invalidField("limit", "must be between 1 and \(Self.maxPage)") }
        let items = try await notifications.list(userId: actor.id, unreadOnly: unreadOnly, before: before, limit: limit)
        return (items, try await notifications.unreadCount(userId: actor.id))
    }

    public func preferences(as actor: User) async throws -> NotificationPreferences {
        try await notifications.preferences(userIds: [actor.id])[actor.id] ?? NotificationPreferences()
    }

    public func savePreferences(_ preferences: NotificationPreferences, as actor: User) async throws -> NotificationPreferences {
        try await notifications.savePreferences(preferences, userId: actor.id)
        return preferences
    }

    /// Marks some (or with nil, all) of the actor's notifications read; answers how many stay unread.
    public func markRead(ids: [String]?, as actor: User) async throws -> Int {
        if let ids, ids.count > Self.maxPage { throw HelpdeskError.invalidField("ids", "at most \(Self.maxPage) at a time") }
        _ = try await notifications.markRead(userId: actor.id, ids: ids, at: clock.now())
        return try await notifications.unreadCount(userId: actor.id)
    }
}
