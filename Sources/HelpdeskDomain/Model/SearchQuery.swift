import Foundation

/// A full-text search over ticket titles, ticket numbers and messages, with filters.
public struct SearchQuery: Sendable, Equatable {
    public static let maxLimit = 50
    public static let maxTextLength = 200

    /// The words to find; every one must occur (the last also as a word's beginning).
    public var terms: [String] = []
    public var statuses: [TicketStatus] = []
    public var priorities: [TicketPriority] = []
    public var assignee: TicketQuery.Assignee = .anyone
    public var category: String?
    /// Only messages by this side (which leaves out title matches).
    public var sender: Message.Sender?
    /// Messages written (or tickets opened, for title matches) in `from ..< to`.
    public var from: Date?
    public var to: Date?
    /// Set by the service: a customer searches their own tickets only.
    public var customerId: String?
    public var limit = 20
    public var offset = 0

    public init() {}
}
