import Foundation
import HelpdeskDomain
import Logging
import ServiceLifecycle
import Synchronization

/// Sends queued deliveries: one lane per endpoint, each sending that endpoint's oldest pending
/// delivery and the next only once it is delivered or given up, so an endpoint gets events in
/// order. A failure waits out the retry policy's backoff; deliveries left pending by a crash are
/// sent when the server starts again (at least once).
final class WebhookDispatcher: TicketEventPublisher, Service {
    /// How long a lane waits before reading the outbox again after the database failed it.
    static let storageRetryDelay: Duration = .seconds(1)
    /// How long a node holds an endpoint's lane beyond the longest attempt without renewing it (it
    /// renews on every turn, and at least as often as the registry is refreshed); another node
    /// takes the lane over after that.
    static let laneHoldMargin: TimeInterval = 5
    /// How often a node that does not hold a lane looks whether it is free.
    static let laneCheckInterval: Duration = .seconds(1)
    /// How often the log drops deliveries older than the retention.
    static let pruneInterval: Duration = .seconds(3600)

    private let registry: WebhookRegistry
    private let repository: any WebhookRepository
    private let client: WebhookHTTPClient
    private let retry: WebhookRetryPolicy
    private let logRetention: TimeInterval
    private let laneHold: TimeInterval
    private let clock: any HelpdeskClock
    private let logger: Logger
    private let lanes = Mutex<[String: LaneWakeup]>([:])
    /// Who this dispatcher is among the nodes sharing the database.
    private let holder = RandomID.make()

    init(
        registry: WebhookRegistry, repository: any WebhookRepository, client: WebhookHTTPClient,
        settings: WebhookSettings, clock: any HelpdeskClock = SystemClock(), logger: Logger
    ) {
        self.registry = registry
        self.repository = repository
        self.client = client
        self.retry = settings.retry
        self.logRetention = settings.logRetention
        self.laneHold = TimeInterval(settings.timeout.components.seconds) + Self.laneHoldMargin
        self.clock = clock
        self.logger = logger
    }

    /// Wakes the lanes of the endpoints that take one of the event's types; the change is committed.
    func publish(_ event: TicketEvent) {
        guard registry.hasActive else { return }
        let types: [WebhookEventType]
        switch event {
        case .created(let change): types = WebhookEvent.events(in: change, isNew: true).map(\.type)
        case .changed(let change, _): types = WebhookEvent.events(in: change, isNew: false).map(\.type)
        case .read: return
        }
        guard !types.isEmpty else { return }
        let subscribers = registry.subscribers(of: types)
        guard !subscribers.isEmpty else { return }
        let wakeups = lanes.withLock { lanes in subscribers.compactMap { lanes[$0] } }
        for wakeup in wakeups { wakeup.signal() }
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.pruneLog() }
            startLanes(in: &group)
            for await _ in registry.changes.cancelOnGracefulShutdown() {
                startLanes(in: &group)
            }
            group.cancelAll()
        }
    }

    /// Starts a lane for each endpoint that has none and wakes the others (an endpoint may have
    /// been reactivated, pointed elsewhere or asked to redeliver).
    private func startLanes(in group: inout DiscardingTaskGroup) {
        for id in registry.ids {
            let (wakeup, isNew) = lanes.withLock { lanes in
                if let wakeup = lanes[id] { return (wakeup, false) }
                let wakeup = LaneWakeup()
                lanes[id] = wakeup
                return (wakeup, true)
            }
            if isNew {
                group.addTask { await self.lane(webhookId: id, wakeup: wakeup) }
            } else {
                wakeup.signal()
            }
        }
    }

    /// Drops old delivered and failed deliveries now and then, so the log stays bounded.
    private func pruneLog() async {
        while !Task.isCancelled {
            do {
                let removed = try await repository.prune(before: clock.now().addingTimeInterval(-logRetention))
                if removed > 0 { logger.info("Pruned the webhook delivery log", metadata: ["removed": "\(removed)"]) }
            } catch {
                logger.error("Could not prune the webhook delivery log", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: Self.pruneInterval)
        }
    }

    /// Sends one endpoint's deliveries, in order, until the endpoint is removed or the server stops.
    private func lane(webhookId: String, wakeup: LaneWakeup) async {
        defer { lanes.withLock { _ = $0.removeValue(forKey: webhookId) } }
        while !Task.isCancelled {
            guard let webhook = registry.webhook(id: webhookId) else { return }
            guard webhook.isActive else {
                await wakeup.wait()
                continue
            }
            let next: WebhookDelivery?
            do {
                let now = clock.now()
                guard try await repository.holdLane(webhookId: webhookId, holder: holder, until: now.addingTimeInterval(laneHold), now: now) else {
                    await wakeup.wait(atMost: Self.laneCheckInterval)
                    continue
                }
                next = try await repository.nextPending(webhookId: webhookId)
            } catch {
                logger.error("Could not read the webhook outbox", metadata: ["webhook": "\(webhookId)", "error": "\(error)"])
                await wakeup.wait(atMost: Self.storageRetryDelay)
                continue
            }
            guard let delivery = next else {
                await wakeup.wait()
                continue
            }
            let wait = delivery.nextAttemptAt.timeIntervalSince(clock.now())
            if wait > 0 {
                await wakeup.wait(atMost: .milliseconds(Int64((wait * 1000).rounded(.up))))
                continue
            }
            let result = await attempt(delivery, to: webhook)
            guard !Task.isCancelled else { return }
            let recorded = retry.recording(result, of: delivery, at: clock.now())
            do {
                try await repository.save(recorded)
            } catch {
                logger.error("Could not record a webhook delivery", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
                await wakeup.wait(atMost: Self.storageRetryDelay)
                continue
            }
            if recorded.status == .failed {
                logger.warning("Webhook delivery given up", metadata: [
                    "webhook": "\(webhookId)", "delivery": "\(delivery.id)", "attempts": "\(recorded.attempts)",
                ])
            }
        }
    }

    private func attempt(_ delivery: WebhookDelivery, to webhook: Webhook) async -> WebhookAttemptResult {
        guard let url = URL(string: webhook.url) else { return .failed(status: nil, reason: WebhookSendError.invalidURL.description) }
        let body = Array(delivery.payload.utf8)
        let timestamp = Int(clock.now().timeIntervalSince1970)
        let headers = [
            ("Content-Type", "application/json"),
            ("User-Agent", "Helpdesk-Webhooks/1"),
            ("X-Helpdesk-Event", delivery.eventType.rawValue),
            ("X-Helpdesk-Event-Id", delivery.eventId),
            ("X-Helpdesk-Delivery", String(delivery.id)),
            ("X-Helpdesk-Timestamp", String(timestamp)),
            ("X-Helpdesk-Signature", WebhookSigner.signature(secret: webhook.secret, timestamp: timestamp, body: body)),
        ]
        do {
            let status = try await client.post(to: url, headers: headers, body: body)
            return (200..<300).contains(status) ? .delivered(status: status) : .failed(status: status, reason: "answered HTTP \(status)")
        } catch let error as WebhookSendError {
            return .failed(status: nil, reason: error.description)
        } catch {
            return .failed(status: nil, reason: String("\(error)".prefix(300)))
        }
    }
}
