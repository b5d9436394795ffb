import Foundation
import HelpdeskDomain
import Synchronization

/// What the SLA alert scheduler hears: tickets whose clocks changed, and its own wake-up calls.
/// A change that leaves a ticket's clocks as they were (most chat messages) is not passed on.
final class SlaAlertInbox: TicketEventPublisher {
    /// What decides a ticket's alerts.
    private struct Clocks: Equatable {
        var status: TicketStatus
        var priority: TicketPriority
        var slaDeadline: Date
        var sla: TicketSla

        init(_ ticket: Ticket) {
            status = ticket.status
            priority = ticket.priority
            slaDeadline = ticket.slaDeadline
            sla = ticket.sla
        }
    }

    enum Input: Sendable {
        case changed(Ticket)
        /// A sleeper armed as number `generation` woke up.
        case wake(generation: Int)
        /// Read every ticket whose clocks run again: other nodes may have changed them.
        case resync
    }

    let inputs: AsyncStream<Input>
    private let continuation: AsyncStream<Input>.Continuation
    /// The clocks last passed on, for tickets whose clocks run.
    private let seen = Mutex<[String: Clocks]>([:])

    init() {
        (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
    }

    func publish(_ event: TicketEvent) {
        switch event {
        case .created(let change), .changed(let change, _):
            let ticket = change.ticket
            let clocks = Clocks(ticket)
            let moved = seen.withLock { seen in
                guard seen[ticket.id] != clocks else { return false }
                seen[ticket.id] = ticket.status.isActive ? clocks : nil
                return true
            }
            if moved { continuation.yield(.changed(ticket)) }
        case .read:
            break
        }
    }

    func resync() {
        continuation.yield(.resync)
    }

    func wake(generation: Int) {
        continuation.yield(.wake(generation: generation))
    }
}
