import Foundation
import HelpdeskDomain
import SQLKit

/// Notifications in the `notifications` table.
public struct SQLNotificationRepository: NotificationRepository {
    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func add(_ notifications: [UserNotification]) async throws {
        try await storage.transaction { db in
            for note in notifications {
                try await db.raw("""
                    INSERT INTO notifications (id, user_id, kind, ticket_id, ticket_number, ticket_title, actor_name, detail, created_at)
                    VALUES (\(bind: note.id), \(bind: note.userId), \(bind: note.kind.rawValue), \(bind: note.ticketId),
                            \(bind: note.ticketNumber), \(bind: note.ticketTitle), \(bind: note.actorName), \(bind: note.detail),
                            \(bind: note.createdAt.epochMilliseconds))
                    """).run()
            }
        }
    }

    public func list(userId: String, unreadOnly: Bool, before: Date?, limit: Int) async throws -> [UserNotification] {
        var conditions: [SQLQueryString] = ["user_id = \(bind: userId)"]
        if unreadOnly { conditions.append("read_at IS NULL") }
        if let before { conditions.append("created_at < \(bind: before.epochMilliseconds)") }
        return try await storage.reader.raw("""
            SELECT * FROM notifications WHERE \(conditions.joined(separator: " AND "))
            ORDER BY created_at DESC, id DESC LIMIT \(literal: limit)
            """).all().map { row in
            UserNotification(
                id: try row.decode(column: "id", as: String.self), userId: userId,
                kind: UserNotification.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .newTicket,
                ticketId: try row.decode(column: "ticket_id", as: String.self),
                ticketNumber: try row.decode(column: "ticket_number", as: String.self),
                ticketTitle: try row.decode(column: "ticket_title", as: String.self),
                actorName: try row.decode(column: "actor_name", as: String.self),
                detail: try row.decode(column: "detail", as: String?.self),
                createdAt: Date(epochMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
                readAt: try row.decode(column: "read_at", as: Int64?.self).map(Date.init(epochMilliseconds:))
            )
        }
    }

    public func unreadCount(userId: String) async throws -> Int {
        try await storage.reader.raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userId) AND read_at IS NULL")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    public func preferences(userIds: [String]) async throws -> [String: NotificationPreferences] {
        guard !userIds.isEmpty else { return [:] }
        let rows = try await storage.reader.raw(
            "SELECT user_id, muted, browser FROM notification_preferences WHERE user_id IN (\(binds: userIds))"
        ).all()
        var result: [String: NotificationPreferences] = [:]
        for row in rows {
            let muted = try row.decode(column: "muted", as: String.self).split(separator: ",").compactMap { UserNotification.Kind(rawValue: String($0)) }
            result[try row.decode(column: "user_id", as: String.self)] = NotificationPreferences(
                muted: Set(muted), browser: try row.decode(column: "browser", as: Int.self) != 0
            )
        }
        return result
    }

    public func savePreferences(_ preferences: NotificationPreferences, userId: String) async throws {
        let muted = preferences.muted.map(\.rawValue).sorted().joined(separator: ",")
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO notification_preferences (user_id, muted, browser) VALUES (\(bind: userId), \(bind: muted), \(bind: preferences.browser ? 1 : 0))
                ON CONFLICT (user_id) DO UPDATE SET muted = excluded.muted, browser = excluded.browser
                """).run()
        }
    }

    public func markRead(userId: String, ids: [String]?, at date: Date) async throws -> Int {
        let which: SQLQueryString = ids.map { ids in ids.isEmpty ? "AND FALSE" : "AND id IN (\(binds: ids))" } ?? ""
        return try await storage.transaction { db in
            try await db.raw("""
                UPDATE notifications SET read_at = \(bind: date.epochMilliseconds)
                WHERE user_id = \(bind: userId) AND read_at IS NULL \(which) RETURNING id
                """).all().count
        }
    }
}
