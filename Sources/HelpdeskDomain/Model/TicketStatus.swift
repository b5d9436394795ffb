/// Where a ticket is in its life: open → pending (an agent is on it) → resolved → closed, and reopen.
public enum TicketStatus: String, Codable, Sendable, CaseIterable {
    case open
    case pending
    case resolved
    case closed

    /// The statuses a ticket may move to from this one; staying put is not a transition.
    public var allowedTargets: Set<TicketStatus> {
        switch self {
        case .open: [.pending, .resolved, .closed]
        case .pending: [.open, .resolved, .closed]
        case .resolved: [.closed, .open]
        case .closed: [.open]
        }
    }

    /// Open or pending: someone still has to act, and the SLA clocks run.
    public var isActive: Bool {
        self == .open || self == .pending
    }

    public func canTransition(to target: TicketStatus) -> Bool {
        allowedTargets.contains(target)
    }
}
