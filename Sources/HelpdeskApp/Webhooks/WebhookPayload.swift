import Foundation
import HelpdeskDomain

/// The JSON body of a delivery: `{ id, type, createdAt, data: { ticket, … } }`.
struct WebhookPayload: Encodable {
    /// What the event carries besides the ticket, by type: `messages` (ticket.created), `message`
    /// (message.created), `changes` (ticket.updated), `activity` (ticket.assigned, sla.*) or
    /// `rating` (rating.created).
    struct Data: Encodable {
        var ticket: TicketDTO
        var messages: [MessageDTO]?
        var message: MessageDTO?
        var changes: [ActivityDTO]?
        var activity: ActivityDTO?
        var rating: RatingDTO?
    }

    var id: String
    var type: WebhookEventType
    var createdAt: Date
    var data: Data

    init(_ event: WebhookEvent, id: String) {
        self.id = id
        type = event.type
        createdAt = event.occurredAt
        var data = Data(ticket: TicketDTO(TicketView(ticket: event.ticket, unreadCount: 0, unreadByCustomer: 0)))
        switch event.type {
        case .ticketCreated: data.messages = event.messages.map(MessageDTO.init)
        case .messageCreated: data.message = event.messages.first.map(MessageDTO.init)
        case .ticketUpdated: data.changes = event.activities.map(ActivityDTO.init)
        case .ticketAssigned, .slaWarning, .slaBreached: data.activity = event.activities.first.map(ActivityDTO.init)
        case .ratingCreated: data.rating = event.ticket.rating.map { RatingDTO($0, of: event.ticket) }
        }
        self.data = data
    }
}
