import Foundation

/// One event queued for one endpoint, with what became of its attempts so far.
public struct WebhookDelivery: Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Not delivered yet; the next attempt is at `nextAttemptAt`.
        case pending
        case delivered
        /// Every attempt failed until the retry window closed.
        case failed
    }

    /// Increases in the order events were stored: an endpoint gets its deliveries in this order.
    public var id: Int64
    public var webhookId: String
    /// The same for every endpoint that gets this event, so a receiver can drop repeats.
    public var eventId: String
    public var eventType: WebhookEventType
    /// The JSON body sent, exactly as signed.
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastAttemptAt: Date?
    /// The HTTP status of the last answer, if there was one.
    public var responseStatus: Int?
    /// Why the last attempt failed, if it did.
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: Int64, webhookId: String, eventId: String, eventType: WebhookEventType, payload: String,
        status: Status = .pending, attempts: Int = 0, nextAttemptAt: Date, lastAttemptAt: Date? = nil,
        responseStatus: Int? = nil, lastError: String? = nil, createdAt: Date, deliveredAt: Date? = nil
    ) {
        self.id = id
        self.webhookId = webhookId
        self.eventId = eventId
        self.eventType = eventType
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.responseStatus = responseStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
