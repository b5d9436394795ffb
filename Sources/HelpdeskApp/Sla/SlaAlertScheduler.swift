import Foundation
import HelpdeskDomain
import Logging
import ServiceLifecycle

/// Records each SLA warning and breach at the moment it falls due — a timer per desk, not a polling
/// sweep. It starts from every ticket whose clocks run (so alerts that fell due while the server was
/// down are recorded at once), then follows ticket changes. Recording happens in the ticket's own
/// transaction and marks the alert on the ticket, so an alert is recorded once even when several
/// processes race for it.
struct SlaAlertScheduler: Service {
    /// How long to wait before trying a ticket again after its alerts could not be recorded.
    static let retryDelay: TimeInterval = 5

    let tickets: TicketService
    let inbox: SlaAlertInbox
    let logger: Logger

    func run() async throws {
        var queue = SlaAlertQueue()
        for ticket in try await tickets.ticketsWithRunningClocks() {
            queue.schedule(ticket.id, at: tickets.nextSlaAlert(of: ticket))
        }
        try await withThrowingDiscardingTaskGroup { group in
            var armed: Date?
            var generation = 0
            /// Makes sure a sleeper wakes the loop by the earliest time due, arming a new one only when
            /// that time is earlier than the one already armed.
            func arm() {
                guard let earliest = queue.earliest(), armed.map({ earliest < $0 }) ?? true else { return }
                generation += 1
                armed = earliest
                let woken = generation
                group.addTask {
                    let wait = max(0, earliest.timeIntervalSinceNow)
                    try? await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
                    inbox.wake(generation: woken)
                }
            }
            await record(&queue)
            arm()
            for await input in inbox.inputs.cancelOnGracefulShutdown() {
                switch input {
                case .changed(let ticket):
                    queue.schedule(ticket.id, at: tickets.nextSlaAlert(of: ticket))
                case .wake(let woken):
                    if woken == generation { armed = nil }
                case .resync:
                    do {
                        for ticket in try await tickets.ticketsWithRunningClocks() {
                            queue.schedule(ticket.id, at: tickets.nextSlaAlert(of: ticket))
                        }
                    } catch {
                        logger.warning("Could not read the tickets whose SLA clocks run", metadata: ["error": "\(error)"])
                    }
                }
                await record(&queue)
                arm()
            }
            group.cancelAll()
        }
    }

    /// Records the alerts of every ticket whose next alert is due, and schedules each one's next.
    private func record(_ queue: inout SlaAlertQueue) async {
        let now = Date()
        for ticketId in queue.takeDue(by: now) {
            do {
                queue.schedule(ticketId, at: try await tickets.recordDueSlaAlerts(ticketId: ticketId))
            } catch {
                logger.error("Could not record SLA alerts", metadata: ["ticket": "\(ticketId)", "error": "\(error)"])
                queue.schedule(ticketId, at: now.addingTimeInterval(Self.retryDelay))
            }
        }
    }
}
