import Foundation

/// Which tickets an export holds (the list's filters, and when they were opened), and whether
/// each comes with its whole conversation and activity.
public struct ExportQuery: Sendable, Equatable {
    public var statuses: [TicketStatus] = []
    public var priorities: [TicketPriority] = []
    public var assignee: TicketQuery.Assignee = .anyone
    public var category: String?
    /// Tickets opened in `from ..< to`.
    public var from: Date?
    public var to: Date?
    public var includesHistory = false

    public init() {}
}
