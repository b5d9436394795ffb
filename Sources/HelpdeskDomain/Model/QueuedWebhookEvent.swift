import Foundation

/// A delivery to write into the outbox in the same transaction as the change it reports.
public struct QueuedWebhookEvent: Sendable, Equatable {
    public var webhookId: String
    public var eventId: String
    public var eventType: WebhookEventType
    public var payload: String
    public var createdAt: Date

    public init(webhookId: String, eventId: String, eventType: WebhookEventType, payload: String, createdAt: Date) {
        self.webhookId = webhookId
        self.eventId = eventId
        self.eventType = eventType
        self.payload = payload
        self.createdAt = createdAt
    }
}
