import Foundation

/// Filters, order and page of a ticket list.
public struct TicketQuery: Sendable, Equatable {
    /// Whose tickets by assignment.
    public enum Assignee: Sendable, Equatable {
        case anyone
        case unassigned
        case user(String)
    }

    public enum SortKey: String, Sendable, CaseIterable {
        case updatedAt
        case createdAt
        case priority
        case slaDeadline

        /// Newest first, most urgent first, nearest deadline first.
        public var defaultOrder: SortOrder {
            self == .slaDeadline ? .ascending : .descending
        }
    }

    public enum SortOrder: String, Sendable {
        case ascending = "asc"
        case descending = "desc"
    }

    public static let maxLimit = 100

    public var statuses: [TicketStatus] = []
    public var priorities: [TicketPriority] = []
    public var assignee: Assignee = .anyone
    public var category: String?
    /// Matches the title (anywhere) or the ticket number (prefix), ignoring case.
    public var text: String?
    public var customerId: String?
    public var sort: SortKey = .updatedAt
    public var order: SortOrder = .descending
    public var limit: Int = 25
    public var cursor: TicketCursor?

    public init() {}
}
