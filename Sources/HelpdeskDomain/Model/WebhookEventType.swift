/// What a webhook can subscribe to.
public enum WebhookEventType: String, Codable, Sendable, CaseIterable, Comparable {
    case ticketCreated = "ticket.created"
    /// Status, priority, category or title changed.
    case ticketUpdated = "ticket.updated"
    case messageCreated = "message.created"
    /// Assigned to someone, or unassigned.
    case ticketAssigned = "ticket.assigned"
    case slaWarning = "sla.warning"
    case slaBreached = "sla.breached"
    case ratingCreated = "rating.created"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
