import Foundation
import HelpdeskDomain
import Hummingbird

/// One search result: what matched (`title`, `number` or `message`), the ticket, the message if it
/// was one, and the snippet as pieces, the matched ones with `match: true`.
struct SearchResultDTO: Encodable {
    struct Fragment: Encodable {
        var text: String
        var match: Bool
    }

    var kind: String
    var ticket: TicketDTO
    var message: MessageDTO?
    var snippet: [Fragment]

    init(_ hit: SearchHit) {
        kind = hit.kind.rawValue
        ticket = TicketDTO(TicketView(ticket: hit.ticket, unreadCount: 0, unreadByCustomer: 0))
        message = hit.message.map(MessageDTO.init)
        snippet = hit.snippet.map { Fragment(text: $0.text, match: $0.isMatch) }
    }
}

/// `GET /api/search`: a page of results, best first; `nextOffset` asks for the next page.
struct SearchResultListDTO: ResponseEncodable {
    var results: [SearchResultDTO]
    var nextOffset: Int?
}
