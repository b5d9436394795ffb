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

/// What stays unread.
struct UnreadCountDTO: ResponseEncodable {
    var unreadCount: Int
}
