import Foundation

/// Reads tickets for exports, page by page in the order they were opened.
public protocol ExportRepository: Sendable {
    /// At most `limit` tickets matching `query`, opened after `after` (creation time and id), oldest first.
    func tickets(_ query: ExportQuery, after: TicketCursor?, limit: Int) async throws -> [Ticket]
    /// The messages (by sequence) and activity (by time) of each ticket.
    func histories(ticketIds: [String]) async throws -> [String: (messages: [Message], activities: [Activity])]
}
