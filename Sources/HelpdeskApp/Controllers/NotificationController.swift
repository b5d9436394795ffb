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
        let before = try parameters.time("before")
        let limit = try parameters.integer("limit") ?? 30
        let page = try await notifications.list(unreadOnly: parameters.get("unread") == "true", before: before, limit: limit, as: context.user)
        return NotificationListDTO(notifications: page.items.map(NotificationDTO.init), unreadCount: page.unread)
    }
}
