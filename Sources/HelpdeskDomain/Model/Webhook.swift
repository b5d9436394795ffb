import Foundation

/// An endpoint that receives signed deliveries of the events it subscribes to.
public struct Webhook: Sendable, Equatable {
    public var id: String
    public var url: String
    /// The HMAC key every delivery is signed with.
    public var secret: String
    public var events: Set<WebhookEventType>
    public var description: String
    /// Inactive endpoints get no new deliveries; ones already queued wait until it is active again.
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, url: String, secret: String, events: Set<WebhookEventType>, description: String = "",
        isActive: Bool = true, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.url = url
        self.secret = secret
        self.events = events
        self.description = description
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public func subscribes(to type: WebhookEventType) -> Bool {
        isActive && events.contains(type)
    }
}
