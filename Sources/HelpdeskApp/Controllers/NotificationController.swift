import Foundation
import HelpdeskDomain
import Hummingbird

/// `/api/notifications`: the signed-in user's notifications, marking them read, and their preferences.
struct NotificationController {
    let notifications: NotificationService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get(use: list)
        group.get("preferences") { _, context in
            NotificationPreferencesDTO(try await notifications.preferences(as: context.user))
        }
        group.put("preferences") { request, context in
            let body = try await request.decodeJSON(NotificationPreferencesDTO.self, limit: maxBodyBytes)
            return NotificationPreferencesDTO(try await notifications.savePreferences(try body.preferences(), as: context.user))
        }
        group.post("read") { request, context in
            let body = try await request.decodeJSON(MarkNotificationsReadRequest.self, limit: maxBodyBytes)
            return UnreadCountDTO(unreadCount: try await notifications.markRead(ids: body.ids, as: context.user))
        }
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> NotificationListDTO {
        let parameters = QueryParameters(request)
        let before = try parameters.get("before").map { text -> Date in
            let withFraction = ISO8601DateFormatter()
            withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = withFraction.date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw HelpdeskError.invalidField("before", "must be an ISO 8601 time")
            }
            return date
        }
        let limit = try parameters.get("limit").map { text -> Int in
            guard let number = Int(text) else { throw HelpdeskError.invalidField("limit", "must be a whole number") }
            return number
        } ?? 30
        let page = try await notifications.list(unreadOnly: parameters.get("unread") == "true", before: before, limit: limit, as: context.user)
        return NotificationListDTO(notifications: page.items.map(NotificationDTO.init), unreadCount: page.unread)
    }
}
