import Foundation
import HelpdeskDomain
import Hummingbird

/// A ticket on the wire, as the seed's clients know it (`userId` is the customer).
struct TicketDTO: ResponseEncodable {
    var id: String
    var ticketNumber: String
    var title: String
    var category: String
    var userId: String
    var customerName: String
    var customerEmail: String
    var customerAvatar: String?
    var status: TicketStatus
    var priority: TicketPriority
    var assigneeId: String?
    var assigneeName: String?
    var assigneeAvatar: String?
    var lastMessage: String?
    var lastMessageAt: Date?
    var lastSeq: Int
    var unreadCount: Int
    var unreadByCustomer: Int
    var slaDeadline: Date
    var firstResponseDue: Date?
    var firstRespondedAt: Date?
    var nextResponseDue: Date?
    var createdAt: Date
    var updatedAt: Date
    var resolvedAt: Date?
    var closedAt: Date?
    var rating: RatingDTO?

    init(_ view: TicketView) {
        let ticket = view.ticket
        id = ticket.id
        ticketNumber = ticket.ticketNumber
        title = ticket.title
        category = ticket.category
        userId = ticket.customerId
        customerName = ticket.customerName
        customerEmail = ticket.customerEmail
        customerAvatar = ticket.customerAvatar
        status = ticket.status
        priority = ticket.priority
        assigneeId = ticket.assigneeId
        assigneeName = ticket.assigneeName
        assigneeAvatar = ticket.assigneeAvatar
        lastMessage = ticket.lastMessage
        lastMessageAt = ticket.lastMessageAt
        lastSeq = ticket.lastSeq
        unreadCount = view.unreadCount
        unreadByCustomer = view.unreadByCustomer
        slaDeadline = ticket.slaDeadline
        firstResponseDue = ticket.sla.firstResponseDue
        firstRespondedAt = ticket.sla.firstRespondedAt
        nextResponseDue = ticket.sla.nextResponseDue
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        resolvedAt = ticket.resolvedAt
        closedAt = ticket.closedAt
        rating = ticket.rating.map { RatingDTO($0, of: ticket) }
    }
}
