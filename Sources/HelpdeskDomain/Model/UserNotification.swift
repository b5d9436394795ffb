import Foundation

/// Something a user should know about a ticket, kept until they have read it.
public struct UserNotification: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// A customer opened a ticket (to agents and admins).
        case newTicket = "new_ticket"
        /// The ticket was assigned to you.
        case assigned
        /// The customer wrote on a ticket assigned to you.
        case customerMessage = "customer_message"
        /// A colleague named you in a message (`@Full Name` or `@` and the part of your email before the @).
        case mention
        /// An agent answered your ticket (to its customer).
        case agentReply = "agent_reply"
        /// An SLA clock of a ticket assigned to you (admins: of an unassigned one) is at 80 %.
        case slaWarning = "sla_warning"
        /// …or past its deadline.
        case slaBreached = "sla_breached"
    }

    public var id: String
    public var userId: String
    public var kind: Kind
    public var ticketId: String
    public var ticketNumber: String
    public var ticketTitle: String
    /// Who caused it ("Helpdesk" for SLA alerts).
    public var actorName: String
    /// A preview of the message, or the SLA target.
    public var detail: String?
    public var createdAt: Date
    public var readAt: Date?

    public init(
        id: String, userId: String, kind: Kind, ticketId: String, ticketNumber: String, ticketTitle: String,
        actorName: String, detail: String?, createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.userId = userId
        self.kind = kind
        self.ticketId = ticketId
        self.ticketNumber = ticketNumber
        self.ticketTitle = ticketTitle
        self.actorName = actorName
        self.detail = detail
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
