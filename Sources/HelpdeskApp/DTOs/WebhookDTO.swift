import Foundation
import HelpdeskDomain
import Hummingbird

/// An endpoint on the wire; the secret is shown only when it is set (on creation and when changed).
struct WebhookDTO: ResponseEncodable {
    var id: String
    var url: String
    var events: [WebhookEventType]
    var description: String
    var isActive: Bool
    var secret: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ webhook: Webhook, showingSecret: Bool = false) {
        id = webhook.id
        url = webhook.url
        events = webhook.events.sorted()
        description = webhook.description
        isActive = webhook.isActive
        secret = showingSecret ? webhook.secret : nil
        createdAt = webhook.createdAt
        updatedAt = webhook.updatedAt
    }
}

/// `GET /api/webhooks`: every endpoint, and the event types there are.
struct WebhookListDTO: ResponseEncodable {
    var webhooks: [WebhookDTO]
    var eventTypes: [WebhookEventType]
}

/// `POST /api/webhooks` and `PATCH /api/webhooks/{id}`: absent fields keep their value (or default).
struct WebhookRequest: Decodable {
    var url: String?
    var secret: String?
    var events: [String]?
    var description: String?
    var isActive: Bool?

    var patch: WebhookPatch {
        WebhookPatch(url: url, secret: secret, events: events, description: description, isActive: isActive)
    }
}

/// One delivery in an endpoint's log.
struct WebhookDeliveryDTO: ResponseEncodable {
    var id: Int64
    var eventId: String
    var eventType: WebhookEventType
    var status: WebhookDelivery.Status
    var attempts: Int
    var nextAttemptAt: Date?
    var lastAttemptAt: Date?
    var responseStatus: Int?
    var lastError: String?
    var createdAt: Date
    var deliveredAt: Date?
    /// The body sent, only when asked for (`?payload=true`).
    var payload: String?

    init(_ delivery: WebhookDelivery, withPayload: Bool) {
        id = delivery.id
        eventId = delivery.eventId
        eventType = delivery.eventType
        status = delivery.status
        attempts = delivery.attempts
        nextAttemptAt = delivery.status == .pending ? delivery.nextAttemptAt : nil
        lastAttemptAt = delivery.lastAttemptAt
        responseStatus = delivery.responseStatus
        lastError = delivery.lastError
        createdAt = delivery.createdAt
        deliveredAt = delivery.deliveredAt
        payload = withPayload ? delivery.payload : nil
    }
}

/// `GET /api/webhooks/{id}/deliveries`: newest first; `nextBefore` pages on.
struct WebhookDeliveryListDTO: ResponseEncodable {
    var deliveries: [WebhookDeliveryDTO]
    var nextBefore: Int64?
}
