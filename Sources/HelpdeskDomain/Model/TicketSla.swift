import Foundation

/// Where a ticket's three SLA clocks stand. The resolution deadline itself is `Ticket.slaDeadline`.
public struct TicketSla: Sendable, Equatable, Codable {
    /// When the first agent reply is due; nil once it came, or while the ticket is resolved or closed.
    public var firstResponseDue: Date?
    public var firstRespondedAt: Date?
    /// Since when a customer message has been waiting for an agent (after the first reply).
    public var awaitingReplySince: Date?
    /// When the agent's answer to that message is due.
    public var nextResponseDue: Date?
    /// When the resolution clock last started; nil while it stands (resolved or closed).
    public var resolutionStartedAt: Date?
    /// Clock time the resolution clock ran before it last started.
    public var resolutionUsed: TimeInterval
    /// Alerts already recorded for the current deadlines, so each is recorded once.
    public var alerted: Set<SlaAlert>

    public init(
        firstResponseDue: Date? = nil, firstRespondedAt: Date? = nil, awaitingReplySince: Date? = nil,
        nextResponseDue: Date? = nil, resolutionStartedAt: Date? = nil, resolutionUsed: TimeInterval = 0,
        alerted: Set<SlaAlert> = []
    ) {
        self.firstResponseDue = firstResponseDue
        self.firstRespondedAt = firstRespondedAt
        self.awaitingReplySince = awaitingReplySince
        self.nextResponseDue = nextResponseDue
        self.resolutionStartedAt = resolutionStartedAt
        self.resolutionUsed = resolutionUsed
        self.alerted = alerted
    }
}
