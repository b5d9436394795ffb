import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Logging
import ServiceLifecycle

/// Keeps what a node holds in memory in step with what admins changed through other nodes: the
/// SLA policy and the webhook endpoints every `interval` (which also wakes the webhook lanes, for
/// deliveries other nodes queued), and the SLA timers of tickets other nodes changed every
/// `ticketsInterval` rounds. Now and then it drops shared broadcasts older than the recovery
/// window (clients reconnecting later start afresh) and sessions unchanged for a day.
struct ClusterSync: Service {
    static let interval: Duration = .seconds(2)
    static let ticketsInterval = 5
    static let pruneInterval = 30
    static let sessionLifetime: TimeInterval = 24 * 3600

    let store: PostgresClusterStore
    /// How long broadcasts are kept for clients that reconnect.
    let recoveryWindow: TimeInterval
    let slaPolicies: SlaPolicyService
    let webhooks: WebhookService
    let slaInbox: SlaAlertInbox
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await refresh() }
    }

    private func refresh() async {
        var round = 0
        while !Task.isCancelled {
            guard (try? await Task.sleep(for: Self.interval)) != nil else { return }
            round += 1
            do {
                try await slaPolicies.reload()
                try await webhooks.loadSubscriptions()
                if round % Self.ticketsInterval == 0 { slaInbox.resync() }
                if round % Self.pruneInterval == 0 {
                    let now = Date()
                    try await store.prune(eventsBefore: now.addingTimeInterval(-recoveryWindow), sessionsBefore: now.addingTimeInterval(-Self.sessionLifetime))
                }
            } catch {
                logger.warning("Could not refresh from the cluster's database", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }
}
