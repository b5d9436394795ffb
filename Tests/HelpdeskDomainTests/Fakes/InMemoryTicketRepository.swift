import Foundation
import HelpdeskDomain

/// Tickets in memory; each operation is atomic because the actor runs one at a time.
actor InMemoryTicketRepository: TicketRepository {
    private var tickets: [String: Ticket] = [:]
    private var messagesByTicket: [String: [Message]] = [:]
    private var activitiesByTicket: [String: [Activity]] = [:]
    private var cursors: [String: ReadCursor] = [:]
    private var counters: [String: Int] = [:]

    func create(period: String, _ build: @Sendable (Int) throws -> TicketChange) throws -> TicketChange {
        let sequence = (counters[period] ?? 0) + 1
        counters[period] = sequence
        var change = try build(sequence)
        store(&change)
        return change
    }

    func update(reference: String, _ change: @escaping @Sendable (Ticket) throws -> TicketChange?) throws -> TicketChange {
        guard let current = find(reference: reference) else { throw HelpdeskError.notFound("Ticket") }
        guard var change = try change(current) else { return TicketChange(ticket: current) }
        store(&change)
        return change
    }

    private func store(_ change: inout TicketChange) {
        for index in change.messages.indices {
            change.ticket.lastSeq += 1
            change.messages[index].seq = change.ticket.lastSeq
        }
        tickets[change.ticket.id] = change.ticket
        messagesByTicket[change.ticket.id, default: []] += change.messages
        activitiesByTicket[change.ticket.id, default: []] += change.activities
    }

    func find(reference: String) -> Ticket? {
        tickets[reference] ?? tickets.values.first { $0.ticketNumber == reference }
    }

    func view(ticketId: String, viewerId: String) -> TicketView? {
        tickets[ticketId].map { view(of: $0, viewerId: viewerId) }
    }

    func list(_ query: TicketQuery, viewerId: String) -> TicketPage {
        let items = tickets.values
            .filter { query.customerId == nil || $0.customerId == query.customerId }
            .sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }
            .prefix(query.limit)
            .map { view(of: $0, viewerId: viewerId) }
        return TicketPage(items: Array(items), nextCursor: nil)
    }

    func stats(customerId: String?, viewerId: String, now: Date, dueSoonBefore: Date) -> TicketStats {
        let scoped = tickets.values.filter { customerId == nil || $0.customerId == customerId }
        let active = scoped.filter { $0.status == .open || $0.status == .pending }
        return TicketStats(
            byStatus: Dictionary(uniqueKeysWithValues: TicketStatus.allCases.map { status in (status, scoped.count { $0.status == status }) }),
            assignedToViewer: active.count { $0.assigneeId == viewerId },
            unassigned: active.count { $0.assigneeId == nil },
            slaBreached: active.count { $0.nextSlaDeadline <= now },
            slaDueSoon: active.count { $0.nextSlaDeadline > now && $0.nextSlaDeadline <= dueSoonBefore }
        )
    }

    func activeTickets() -> [Ticket] {
        tickets.values.filter(\.status.isActive)
    }

    func messages(ticketId: String, after: Int?, before: Int?, limit: Int) -> [Message] {
        let all = messagesByTicket[ticketId] ?? []
        if let after { return Array(all.filter { $0.seq > after }.prefix(limit)) }
        return Array(all.filter { before == nil || $0.seq < before! }.suffix(limit))
    }

    func activities(ticketId: String) -> [Activity] {
        activitiesByTicket[ticketId] ?? []
    }

    func readCursors(ticketId: String) -> [ReadCursor] {
        cursors.values.filter { $0.ticketId == ticketId }.sorted { $0.userId < $1.userId }
    }

    func markRead(ticketId: String, userId: String, upTo seq: Int, at date: Date) -> ReadCursor {
        let key = ticketId + "/" + userId
        let position = max(seq, cursors[key]?.lastReadSeq ?? 0)
        let cursor = ReadCursor(ticketId: ticketId, userId: userId, lastReadSeq: position, readAt: date)
        cursors[key] = cursor
        return cursor
    }

    private func view(of ticket: Ticket, viewerId: String) -> TicketView {
        func unread(for reader: String) -> Int {
            let position = cursors[ticket.id + "/" + reader]?.lastReadSeq ?? 0
            return (messagesByTicket[ticket.id] ?? []).filter { $0.seq > position && $0.senderId != reader }.count
        }
        return TicketView(ticket: ticket, unreadCount: unread(for: viewerId), unreadByCustomer: unread(for: ticket.customerId))
    }
}
