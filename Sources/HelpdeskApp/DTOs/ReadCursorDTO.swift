import Foundation
import HelpdeskDomain
import Hummingbird

/// Where a reader has got to in a ticket.
struct ReadCursorDTO: ResponseEncodable {
    var ticketId: String
    var userId: String
    var lastReadSeq: Int
    var readAt: Date

    init(_ cursor: ReadCursor) {
        ticketId = cursor.ticketId
        userId = cursor.userId
        lastReadSeq = cursor.lastReadSeq
        readAt = cursor.readAt
    }
}
