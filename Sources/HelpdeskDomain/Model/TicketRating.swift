import Foundation

/// A customer's verdict on how a ticket was handled: 1 to 5 with an optional comment, one per
/// resolution, changeable for a while after it was first given.
public struct TicketRating: Codable, Sendable, Equatable {
    public static let scores = 1...5
    public static let maxCommentLength = 1000
    /// How long after rating a customer may still change it.
    public static let changeableFor: TimeInterval = 7 * 24 * 3600

    public var score: Int
    public var comment: String
    /// The resolution rated: the ticket's `resolvedAt` when it was rated.
    public var resolvedAt: Date
    public var createdAt: Date
    public var updatedAt: Date

    public init(score: Int, comment: String, resolvedAt: Date, createdAt: Date, updatedAt: Date) {
        self.score = score
        self.comment = comment
        self.resolvedAt = resolvedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether this rating is of the ticket's current resolution (not of one before a reopening).
    public func rates(_ ticket: Ticket) -> Bool {
        ticket.resolvedAt == resolvedAt
    }
}
