import Foundation

/// Storage of tickets with their messages, activity and read cursors.
///
/// Changes go through closures that run inside one transaction, so a ticket, its new messages and
/// its activity entries are written together or not at all.
public protocol TicketRepository: Sendable {
    /// Allocates the next sequence number of `period` and stores what `build` makes of it.
    func create(period: String, _ build: @Sendable (_ sequence: Int) throws -> TicketChange) async throws -> TicketChange
    /// Reads the ticket (by id or number) inside the transaction, lets `change` decide what to write
    /// (nil: nothing), and stores it. The returned messages carry their assigned sequence numbers.
    func update(reference: String, _ change: @escaping @Sendable (Ticket) throws -> TicketChange?) async throws -> TicketChange
    /// Finds a ticket by id or by ticket number.
    func find(reference: String) async throws -> Ticket?
    func view(ticketId: String, viewerId: String) async throws -> TicketView?
    func list(_ query: TicketQuery, viewerId: String) async throws -> TicketPage
    /// Every open or pending ticket: the ones whose SLA clocks run.
    func activeTickets() async throws -> [Ticket]
    /// Counts over all tickets, or over one customer's; "due soon" means a deadline before `dueSoonBefore`.
    func stats(customerId: String?, viewerId: String, now: Date, dueSoonBefore: Date) async throws -> TicketStats
    /// Messages in ascending order: after `after`, before `before`, or the newest `limit`.
    func messages(ticketId: String, after: Int?, before: Int?, limit: Int) async throws -> [Message]
    func activities(ticketId: String) async throws -> [Activity]
    /// Everyone's read positions in one ticket.
    func readCursors(ticketId: String) async throws -> [ReadCursor]
    /// Moves the user's read cursor forward to `seq` (never backwards) and returns it.
    func markRead(ticketId: String, userId: String, upTo seq: Int, at date: Date) async throws -> ReadCursor
}
