import Foundation
import HelpdeskDomain
import Logging
import Synchronization

/// The endpoints in force for this process: it decides which deliveries each ticket change queues
/// (the outbox rows written in the change's transaction) and tells the dispatcher when they change.
final class WebhookRegistry: WebhookSubscriptions, WebhookOutbox {
    private let webhooks = Mutex<[String: Webhook]>([:])
    /// Yields whenever the endpoints change; the dispatcher starts and wakes its lanes on it.
    let changes: AsyncStream<Void>
    private let changed: AsyncStream<Void>.Continuation
    private let logger: Logger

    init(logger: Logger) {
        (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.logger = logger
    }

    func replace(with webhooks: [Webhook]) {
        self.webhooks.withLock { $0 = Dictionary(uniqueKeysWithValues: webhooks.map { ($0.id, $0) }) }
        changed.yield()
    }

    func webhook(id: String) -> Webhook? {
        webhooks.withLock { $0[id] }
    }

    /// Whether any endpoint takes events now; without one a ticket change costs no webhook work.
    var hasActive: Bool {
        webhooks.withLock { $0.values.contains(where: \.isActive) }
    }

    var ids: [String] {
        webhooks.withLock { Array($0.keys) }
    }

    /// The active endpoints that take at least one of `types`.
    func subscribers(of types: some Sequence<WebhookEventType>) -> [String] {
        let types = Set(types)
        return webhooks.withLock { webhooks in
            webhooks.values.filter { webhook in types.contains(where: webhook.subscribes) }.map(\.id)
        }
    }

    func deliveries(for change: TicketChange, isNew: Bool) -> [QueuedWebhookEvent] {
        let active = webhooks.withLock { $0.values.filter(\.isActive) }
        guard !active.isEmpty else { return [] }
        var queued: [QueuedWebhookEvent] = []
        for event in WebhookEvent.events(in: change, isNew: isNew) {
            let subscribers = active.filter { $0.subscribes(to: event.type) }
            guard !subscribers.isEmpty else { continue }
            let payload = WebhookPayload(event, id: RandomID.make(at: event.occurredAt))
            guard let body = try? WireJSON.encoder().encode(payload) else {
                logger.error("Could not encode a webhook payload", metadata: ["type": "\(event.type.rawValue)"])
                continue
            }
            let text = String(decoding: body, as: UTF8.self)
            queued += subscribers.map {
                QueuedWebhookEvent(webhookId: $0.id, eventId: payload.id, eventType: event.type, payload: text, createdAt: event.occurredAt)
            }
        }
        return queued
    }
}
