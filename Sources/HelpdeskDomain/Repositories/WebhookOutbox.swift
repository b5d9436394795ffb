/// Decides which webhook deliveries a stored ticket change makes; the ticket repository writes them
/// in the same transaction as the change, so an event is queued if and only if it happened.
public protocol WebhookOutbox: Sendable {
    func deliveries(for change: TicketChange, isNew: Bool) -> [QueuedWebhookEvent]
}

/// An outbox for tools and tests without webhooks.
public struct NoWebhookOutbox: WebhookOutbox {
    public init() {}
    public func deliveries(for change: TicketChange, isNew: Bool) -> [QueuedWebhookEvent] { [] }
}
