import Foundation

/// Something a webhook can report, read off a stored ticket change.
public struct WebhookEvent: Sendable, Equatable {
    public var type: WebhookEventType
    /// The ticket as the change left it.
    public var ticket: Ticket
    /// The new message (`message.created`), or the ticket's first messages (`ticket.created`).
    public var messages: [Message]
    /// The activity entries behind it: field changes, an assignment or an SLA alert.
    public var activities: [Activity]
    public var occurredAt: Date

    public init(type: WebhookEventType, ticket: Ticket, messages: [Message] = [], activities: [Activity] = [], occurredAt: Date) {
        self.type = type
        self.ticket = ticket
        self.messages = messages
        self.activities = activities
        self.occurredAt = occurredAt
    }

    /// The events a change makes, in the order they happened: a new ticket is one `ticket.created`
    /// carrying its first messages; a later change makes a `message.created` per message someone
    /// wrote (the system's notes about changes are left out: the changes have events of their own),
    /// then, in the order of its activity entries, one `ticket.updated` with all its field changes
    /// (a changed rating included), a `ticket.assigned` per (un)assignment, an
    /// `sla.warning`/`sla.breached` per alert and a `rating.created` for a new rating.
    public static func events(in change: TicketChange, isNew: Bool) -> [WebhookEvent] {
        let ticket = change.ticket
        if isNew {
            return [WebhookEvent(type: .ticketCreated, ticket: ticket, messages: change.messages, occurredAt: ticket.createdAt)]
        }
        var events = change.messages.filter { $0.sender != .system }.map {
            WebhookEvent(type: .messageCreated, ticket: ticket, messages: [$0], occurredAt: $0.createdAt)
        }
        let updates = change.activities.filter { eventType(of: $0.kind) == .ticketUpdated }
        for activity in change.activities {
            switch eventType(of: activity.kind) {
            case nil:
                continue
            case .ticketUpdated?:
                guard activity.id == updates.first?.id else { continue }
                events.append(WebhookEvent(type: .ticketUpdated, ticket: ticket, activities: updates, occurredAt: activity.createdAt))
            case let type?:
                events.append(WebhookEvent(type: type, ticket: ticket, activities: [activity], occurredAt: activity.createdAt))
            }
        }
        return events
    }

    /// The event type an activity entry reports on its own, if any.
    private static func eventType(of kind: Activity.Kind) -> WebhookEventType? {
        switch kind {
        case .created: nil
        case .statusChanged, .priorityChanged, .categoryChanged, .titleChanged: .ticketUpdated
        case .assigned, .unassigned: .ticketAssigned
        case .slaWarning: .slaWarning
        case .slaBreached: .slaBreached
        case .rated: .ratingCreated
        case .ratingChanged: .ticketUpdated
        }
    }
}
