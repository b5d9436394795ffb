import Foundation

/// Runs a ticket's SLA clocks as its conversation and status change.
///
/// First response: from creation until the first agent reply, while the ticket is open or pending.
/// Next response: from a customer message that follows an agent's reply until an agent answers.
/// Resolution: runs while the ticket is open or pending, stands while it is resolved or closed, and
/// continues where it stood on reopening. Deadlines follow the ticket's priority and count only
/// business hours when the policy has them.
struct SlaClock {
    let policy: SlaPolicy
    let now: Date

    /// A new ticket's clocks, started at its creation.
    func start(_ ticket: inout Ticket) {
        ticket.sla = TicketSla(resolutionStartedAt: ticket.createdAt)
        recompute(&ticket)
    }

    func messageAdded(by sender: Message.Sender, to ticket: inout Ticket) {
        switch sender {
        case .agent:
            guard ticket.sla.firstRespondedAt == nil || ticket.sla.awaitingReplySince != nil else { return }
            if ticket.sla.firstRespondedAt == nil { ticket.sla.firstRespondedAt = now }
            ticket.sla.awaitingReplySince = nil
        case .customer:
            guard ticket.sla.firstRespondedAt != nil, ticket.sla.awaitingReplySince == nil, ticket.status.isActive else { return }
            ticket.sla.awaitingReplySince = now
        case .system:
            return
        }
        recompute(&ticket)
    }

    func statusChanged(from previous: TicketStatus, _ ticket: inout Ticket) {
        if previous.isActive, !ticket.status.isActive {
            if let started = ticket.sla.resolutionStartedAt {
                ticket.sla.resolutionUsed += policy.elapsed(from: started, to: now)
            }
            ticket.sla.resolutionStartedAt = nil
            ticket.sla.awaitingReplySince = nil
        } else if !previous.isActive, ticket.status.isActive {
            ticket.sla.resolutionStartedAt = now
        }
        recompute(&ticket)
    }

    /// Sets every deadline from the clocks' state and the ticket's current priority.
    func recompute(_ ticket: inout Ticket) {
        let targets = policy.targets(for: ticket.priority)
        let active = ticket.status.isActive
        ticket.sla.firstResponseDue = active && ticket.sla.firstRespondedAt == nil
            ? policy.deadline(after: targets.firstResponse, from: ticket.createdAt) : nil
        ticket.sla.nextResponseDue = active
            ? ticket.sla.awaitingReplySince.map { policy.deadline(after: targets.nextResponse, from: $0) } : nil
        if let started = ticket.sla.resolutionStartedAt {
            ticket.slaDeadline = policy.deadline(after: targets.resolution - ticket.sla.resolutionUsed, from: started)
        }
    }
}
