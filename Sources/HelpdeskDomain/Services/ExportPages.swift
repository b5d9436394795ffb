import Foundation

/// An export read a page at a time, as the reader asks for the next: however many tickets there
/// are, one page is held at once.
public struct ExportPages: AsyncSequence, Sendable {
    public typealias Element = [ExportedTicket]

    let repository: any ExportRepository
    let query: ExportQuery
    let pageSize: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pages: ExportPages
        var cursor: TicketCursor?
        var finished = false

        public mutating func next() async throws -> [ExportedTicket]? {
            guard !finished else { return nil }
            let tickets = try await pages.repository.tickets(pages.query, after: cursor, limit: pages.pageSize)
            finished = tickets.count < pages.pageSize
            guard let last = tickets.last else { return nil }
            cursor = TicketCursor(sortValue: Int64((last.createdAt.timeIntervalSince1970 * 1000).rounded()), id: last.id)
            guard pages.query.includesHistory else { return tickets.map { ExportedTicket(ticket: $0) } }
            let histories = try await pages.repository.histories(ticketIds: tickets.map(\.id))
            return tickets.map {
                ExportedTicket(ticket: $0, messages: histories[$0.id]?.messages ?? [], activities: histories[$0.id]?.activities ?? [])
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self)
    }
}
