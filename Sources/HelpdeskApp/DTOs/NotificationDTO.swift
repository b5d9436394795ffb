import Foundation
import HelpdeskDomain
import Hummingbird

/// A notification on the wire.
struct NotificationDTO: ResponseEncodable {
    var id: String
    var kind: String
    var ticketId: String
    var ticketNumber: String
    var ticketTitle: String
    var actorName: String
    var detail: String?
    var createdAt: Date
    var readAt: Date?

    init(_ note: UserNotification) {
        id = note.id
        kind = note.kind.rawValue
        ticketId = note.ticketId
        ticketNumber = note.ticketNumber
        ticketTitle = note.ticketTitle
        actorName = note.actorName
        detail = note.detail
        createdAt = note.createdAt
        readAt = note.readAt
    }
}

/// `GET /api/notifications`: a page of notifications and how many are unread.
struct NotificationListDTO: ResponseEncodable {
    var notifications: [NotificationDTO]
    var unreadCount: Int
}

/// `POST /api/notifications/read`: which to mark read (all when absent).
struct MarkNotificationsReadRequest: Decodable {
    var ids: [String]?
}

/// `GET` and `PUT /api/notifications/preferences`: the kinds muted, and browser notifications on or off.
struct NotificationPreferencesDTO: ResponseEncodable, Decodable {
    var muted: [String]
    var browser: Bool

    init(_ preferences: NotificationPreferences) {
        muted = preferences.muted.map(\.rawValue).sorted()
        browser = preferences.browser
    }

    func preferences() throws -> NotificationPreferences {
        NotificationPreferences(muted: Set(try muted.map { try WireEnum.parse($0, field: "muted") }), browser: browser)
    }
}

/// What stays unread.
struct UnreadCountDTO: ResponseEncodable {
    var unreadCount: Int
}
