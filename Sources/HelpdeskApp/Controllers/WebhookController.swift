import HelpdeskDomain
import Hummingbird

/// `/api/webhooks`: admins register, change and remove endpoints, read their delivery logs and
/// queue a delivery again.
struct WebhookController {
    let webhooks: WebhookService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get { _, context in
            WebhookListDTO(
                webhooks: try await webhooks.list(as: context.user).map { WebhookDTO($0) },
                eventTypes: WebhookEventType.allCases
            )
        }
        group.post { request, context in
            let body = try await request.decodeJSON(WebhookRequest.self, limit: maxBodyBytes)
            let webhook = try await webhooks.create(body.patch, as: context.user)
            return EditedResponse(status: .created, response: WebhookDTO(webhook, showingSecret: true))
        }
        group.get(":id") { _, context in
            WebhookDTO(try await webhooks.webhook(id: try context.parameters.require("id"), as: context.user))
        }
        group.patch(":id") { request, context in
            let body = try await request.decodeJSON(WebhookRequest.self, limit: maxBodyBytes)
            let webhook = try await webhooks.update(id: try context.parameters.require("id"), body.patch, as: context.user)
            return WebhookDTO(webhook, showingSecret: body.secret != nil)
        }
        group.delete(":id") { _, context in
            try await webhooks.delete(id: try context.parameters.require("id"), as: context.user)
            return Response(status: .noContent)
        }
        group.get(":id/deliveries", use: deliveries)
        group.post(":id/deliveries/:delivery/redeliver") { _, context in
            let delivery = try await webhooks.redeliver(
                webhookId: try context.parameters.require("id"), deliveryId: try context.parameters.require("delivery", as: Int64.self),
                as: context.user
            )
            return WebhookDeliveryDTO(delivery, withPayload: false)
        }
    }

    @Sendable func deliveries(_ request: Request, context: AuthenticatedContext) async throws -> WebhookDeliveryListDTO {
        let parameters = QueryParameters(request)
        let limit = try parameters.integer("limit") ?? 50
        let before = try parameters.integer("before").map(Int64.init)
        let page = try await webhooks.deliveries(
            webhookId: try context.parameters.require("id"), before: before, limit: limit, as: context.user
        )
        return WebhookDeliveryListDTO(
            deliveries: page.map { WebhookDeliveryDTO($0, withPayload: parameters.get("payload") == "true") },
            nextBefore: page.count == limit ? page.last?.id : nil
        )
    }
}
