import Foundation
import HelpdeskDomain

/// What the SLA alert scheduler hears: tickets that changed (their clocks may have moved), and its
/// own wake-up calls.
final class SlaAlertInbox: TicketEventPublisher {
    enum Input: Sendable {
        case changed(Ticket)
        /// A sleeper armed as number `generation` woke up.
        case wake(generation: Int)
    }

    let inputs: AsyncStream<Input>
    private let continuation: AsyncStream<Input>.Continuation

    init() {
        (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
    }

    func publish(_ event: TicketEvent) {
        switch event {
        case .created(let change), .changed(let change, _):
            continuation.yield(.changed(change.ticket))
        case .read:
            break
        }
    }

    func wake(generation: Int) {
        continuation.yield(.wake(generation: generation))
    }
}
