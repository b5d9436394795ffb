import HelpdeskDomain

/// Hands every committed ticket event to several listeners, in order.
struct TicketEventFanout: TicketEventPublisher {
    let listeners: [any TicketEventPublisher]

    func publish(_ event: TicketEvent) {
        for listener in listeners { listener.publish(event) }
    }
}
