import Foundation
import HelpdeskDomain

/// A ticket's latest rating on the wire; `current` says whether it rates the present resolution
/// (false once the ticket was reopened), and until when its customer may change it.
struct RatingDTO: Encodable {
    var score: Int
    var comment: String
    var resolvedAt: Date
    var current: Bool
    var changeableUntil: Date
    var createdAt: Date
    var updatedAt: Date

    init(_ rating: TicketRating, of ticket: Ticket) {
        score = rating.score
        comment = rating.comment
        resolvedAt = rating.resolvedAt
        current = rating.rates(ticket)
        changeableUntil = rating.createdAt.addingTimeInterval(TicketRating.changeableFor)
        createdAt = rating.createdAt
        updatedAt = rating.updatedAt
    }
}
