import HelpdeskDomain
import Hummingbird

/// One page of tickets; pass `nextCursor` back as `cursor` for the next page.
struct TicketListDTO: ResponseEncodable {
    var tickets: [TicketDTO]
    var nextCursor: String?

    init(_ page: TicketPage) {
        tickets = page.items.map(TicketDTO.init)
        nextCursor = page.nextCursor?.encoded
    }
}
