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

    /// The share of a target after which a warning is due.
    static let warningShare = 0.8

    /// Every alert of the clocks that run now, with the moment it is due: a warning at 80 % of the
    /// target's clock time and a breach at the deadline.
    func alerts(of ticket: Ticket) -> [(alert: SlaAlert, at: Date)] {
        guard ticket.status.isActive else { return [] }
        let targets = policy.targets(for: ticket.priority)
        var result: [(SlaAlert, Date)] = []
        func add(_ target: SlaAlert.Target, due: Date?, start: Date?, length: TimeInterval, used: TimeInterval = 0) {
            guard let due, let start else { return }
            let warning = policy.deadline(after: length * Self.warningShare - used, from: start)
            result.append((SlaAlert(target: target, kind: .warning, dueAt: due), min(warning, due)))
            result.append((SlaAlert(target: target, kind: .breach, dueAt: due), due))
        }
        add(.firstResponse, due: ticket.sla.firstResponseDue, start: ticket.createdAt, length: targets.firstResponse)
        add(.nextResponse, due: ticket.sla.nextResponseDue, start: ticket.sla.awaitingReplySince, length: targets.nextResponse)
        add(.resolution, due: ticket.slaDeadline, start: ticket.sla.resolutionStartedAt, length: targets.resolution, used: ticket.sla.resolutionUsed)
        return result
    }

    /// When the next alert not yet recorded falls due, if any.
    func nextAlert(of ticket: Ticket) -> Date? {
        alerts(of: ticket).filter { !ticket.sla.alerted.contains($0.alert) }.map(\.at).min()
    }

    /// The alerts due by now and not yet recorded, in the order they fell due.
    func dueAlerts(of ticket: Ticket) -> [SlaAlert] {
        alerts(of: ticket).filter { $0.at <= now && !ticket.sla.alerted.contains($0.alert) }
            .sorted { ($0.at, $0.alert.kind == .warning ? 0 : 1) < ($1.at, $1.alert.kind == .warning ? 0 : 1) }.map(\.alert)
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
        let current = Set(alerts(of: ticket).map(\.alert))
        ticket.sla.alerted.formIntersection(current)
    }
}
