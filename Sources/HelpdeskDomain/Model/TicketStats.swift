import Foundation

/// Counts for a ticket list's sidebar: tickets per status, and the active ones (open or pending)
/// by assignment and by how close their SLA deadline is.
public struct TicketStats: Sendable, Equatable {
    /// An active ticket whose deadline is less than this far away is due soon.
    public static let dueSoonWindow: TimeInterval = 2 * 60 * 60

    public var byStatus: [TicketStatus: Int]
    /// Active tickets assigned to the one asking.
    public var assignedToViewer: Int
    public var unassigned: Int
    /// Active tickets past their nearest running deadline (first response, next response or resolution).
    public var slaBreached: Int
    /// Active tickets within `dueSoonWindow` of their nearest running deadline.
    public var slaDueSoon: Int

    public init(byStatus: [TicketStatus: Int], assignedToViewer: Int, unassigned: Int, slaBreached: Int, slaDueSoon: Int) {
        self.byStatus = byStatus
        self.assignedToViewer = assignedToViewer
        self.unassigned = unassigned
        self.slaBreached = slaBreached
        self.slaDueSoon = slaDueSoon
    }

    public var total: Int { byStatus.values.reduce(0, +) }
}
