/// Receives committed ticket events, e.g. to relay them to connected clients. Must not block.
public protocol TicketEventPublisher: Sendable {
    func publish(_ event: TicketEvent)
}

/// Publishes nowhere: for tools and tests that have no live clients.
public struct DiscardedTicketEvents: TicketEventPublisher {
    public init() {}
    public func publish(_ event: TicketEvent) {}
}
