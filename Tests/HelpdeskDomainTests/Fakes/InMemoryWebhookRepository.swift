import Foundation
import HelpdeskDomain

/// Webhooks and deliveries in dictionaries.
actor InMemoryWebhookRepository: WebhookRepository {
    func holdLane(webhookId: String, holder: String, until: Date, now: Date) async throws -> Bool { true }

    private var webhooks: [String: Webhook] = [:]
    private var stored: [Int64: WebhookDelivery] = [:]

    func add(_ delivery: WebhookDelivery) { stored[delivery.id] = delivery }

    func all() -> [Webhook] { webhooks.values.sorted { $0.createdAt < $1.createdAt } }
    func find(id: String) -> Webhook? { webhooks[id] }
    func insert(_ webhook: Webhook) { webhooks[webhook.id] = webhook }
    func update(_ webhook: Webhook) { webhooks[webhook.id] = webhook }

    func delete(id: String) -> Bool {
        stored = stored.filter { $0.value.webhookId != id }
        return webhooks.removeValue(forKey: id) != nil
    }

    func deliveries(webhookId: String, before: Int64?, limit: Int) -> [WebhookDelivery] {
        Array(stored.values.filter { $0.webhookId == webhookId && $0.id < (before ?? .max) }.sorted { $0.id > $1.id }.prefix(limit))
    }

    func delivery(id: Int64) -> WebhookDelivery? { stored[id] }

    func nextPending(webhookId: String) -> WebhookDelivery? {
        stored.values.filter { $0.webhookId == webhookId && $0.status == .pending }.min { $0.id < $1.id }
    }

    func save(_ delivery: WebhookDelivery) { stored[delivery.id] = delivery }

    func prune(before date: Date) -> Int {
        let old = stored.values.filter { $0.status != .pending && $0.createdAt < date }
        for delivery in old { stored[delivery.id] = nil }
        return old.count
    }
}
