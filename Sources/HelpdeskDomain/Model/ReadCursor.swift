import Foundation

/// How far one user has read in one ticket's conversation.
public struct ReadCursor: Codable, Sendable, Equatable {
    public var ticketId: String
    public var userId: String
    public var lastReadSeq: Int
    public var readAt: Date

    public init(ticketId: String, userId: String, lastReadSeq: Int, readAt: Date) {
        self.ticketId = ticketId
        self.userId = userId
        self.lastReadSeq = lastReadSeq
        self.readAt = readAt
    }
}
