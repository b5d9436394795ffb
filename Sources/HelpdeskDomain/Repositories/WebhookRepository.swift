import Foundation

/// Storage of webhook endpoints and their deliveries.
public protocol WebhookRepository: Sendable {
    func all() async throws -> [Webhook]
    func find(id: String) async throws -> Webhook?
    func insert(_ webhook: Webhook) async throws
    func update(_ webhook: Webhook) async throws
    /// Removes the endpoint with its deliveries; false if there was none.
    func delete(id: String) async throws -> Bool
    /// The endpoint's deliveries, newest first, with ids below `before` if given.
    func deliveries(webhookId: String, before: Int64?, limit: Int) async throws -> [WebhookDelivery]
    func delivery(id: Int64) async throws -> WebhookDelivery?
    /// Makes `holder` the one sender of the endpoint's deliveries until `until`, if nobody else is
    /// (or their hold ran out before `now`); answers whether `holder` holds it. Nodes sharing a
    /// database send each endpoint's deliveries from one of them at a time, in order.
    func holdLane(webhookId: String, holder: String, until: Date, now: Date) async throws -> Bool
    /// The endpoint's oldest pending delivery: the one that must go before the others.
    func nextPending(webhookId: String) async throws -> WebhookDelivery?
    /// Stores the delivery's status, attempts and next attempt.
    func save(_ delivery: WebhookDelivery) async throws
    /// Removes delivered and failed deliveries of events older than `date`; answers how many.
    func prune(before date: Date) async throws -> Int
}
