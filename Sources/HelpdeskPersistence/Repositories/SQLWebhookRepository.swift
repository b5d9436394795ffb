import Foundation
import HelpdeskDomain
import SQLKit

/// Webhook endpoints in `webhooks` and their deliveries in `webhook_deliveries` (the outbox that
/// ticket changes write to in their own transaction).
public struct SQLWebhookRepository: WebhookRepository {
    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func all() async throws -> [Webhook] {
        try await storage.reader.raw("SELECT * FROM webhooks ORDER BY created_at, id").all().map(Self.webhook)
    }

    public func find(id: String) async throws -> Webhook? {
        try await storage.reader.raw("SELECT * FROM webhooks WHERE id = \(bind: id)").first().map(Self.webhook)
    }

    public func insert(_ webhook: Webhook) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO webhooks (id, url, secret, events, description, is_active, created_at, updated_at)
                VALUES (\(bind: webhook.id), \(bind: webhook.url), \(bind: webhook.secret), \(bind: Self.events(webhook.events)),
                        \(bind: webhook.description), \(bind: webhook.isActive ? 1 : 0), \(bind: webhook.createdAt.epochMilliseconds),
                        \(bind: webhook.updatedAt.epochMilliseconds))
                """).run()
        }
    }

    public func update(_ webhook: Webhook) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                UPDATE webhooks SET url = \(bind: webhook.url), secret = \(bind: webhook.secret), events = \(bind: Self.events(webhook.events)),
                    description = \(bind: webhook.description), is_active = \(bind: webhook.isActive ? 1 : 0),
                    updated_at = \(bind: webhook.updatedAt.epochMilliseconds)
                WHERE id = \(bind: webhook.id)
                """).run()
        }
    }

    public func delete(id: String) async throws -> Bool {
        try await storage.transaction { db in
            try await db.raw("DELETE FROM webhook_deliveries WHERE webhook_id = \(bind: id)").run()
            return try await db.raw("DELETE FROM webhooks WHERE id = \(bind: id) RETURNING id").all().count == 1
        }
    }

    public func deliveries(webhookId: String, before: Int64?, limit: Int) async throws -> [WebhookDelivery] {
        let below: SQLQueryString = before.map { "AND id < \(bind: $0)" } ?? ""
        return try await storage.reader.raw("""
            SELECT * FROM webhook_deliveries WHERE webhook_id = \(bind: webhookId) \(below) ORDER BY id DESC LIMIT \(literal: limit)
            """).all().map(Self.delivery)
    }

    public func delivery(id: Int64) async throws -> WebhookDelivery? {
        try await storage.reader.raw("SELECT * FROM webhook_deliveries WHERE id = \(bind: id)").first().map(Self.delivery)
    }

    public func holdLane(webhookId: String, holder: String, until: Date, now: Date) async throws -> Bool {
        // One SQLite process is the only sender there is.
        guard storage.reader.flavor == .postgres else { return true }
        return try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO webhook_lanes (webhook_id, holder, held_until)
                VALUES (\(bind: webhookId), \(bind: holder), \(bind: until.epochMilliseconds))
                ON CONFLICT (webhook_id) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
                WHERE webhook_lanes.holder = excluded.holder OR webhook_lanes.held_until < \(bind: now.epochMilliseconds)
                RETURNING holder
                """).first() != nil
        }
    }

    public func nextPending(webhookId: String) async throws -> WebhookDelivery? {
        try await storage.reader.raw("""
            SELECT * FROM webhook_deliveries WHERE webhook_id = \(bind: webhookId) AND status = 'pending' ORDER BY id LIMIT 1
            """).first().map(Self.delivery)
    }

    public func save(_ delivery: WebhookDelivery) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                UPDATE webhook_deliveries SET status = \(bind: delivery.status.rawValue), attempts = \(bind: delivery.attempts),
                    next_attempt_at = \(bind: delivery.nextAttemptAt.epochMilliseconds),
                    last_attempt_at = \(bind: delivery.lastAttemptAt?.epochMilliseconds),
                    response_status = \(bind: delivery.responseStatus), last_error = \(bind: delivery.lastError),
                    delivered_at = \(bind: delivery.deliveredAt?.epochMilliseconds)
                WHERE id = \(bind: delivery.id)
                """).run()
        }
    }

    public func prune(before date: Date) async throws -> Int {
        try await storage.transaction { db in
            try await db.raw("""
                DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < \(bind: date.epochMilliseconds) RETURNING id
                """).all().count
        }
    }

    /// Queues deliveries inside the caller's transaction (a ticket change's).
    static func enqueue(_ events: [QueuedWebhookEvent], in db: any SQLDatabase) async throws {
        for event in events {
            let created = event.createdAt.epochMilliseconds
            let values: [any Encodable & Sendable] = [
                event.webhookId, event.eventId, event.eventType.rawValue, event.payload, created, created,
            ]
            try await db.run(ReusableStatement("webhook_deliveries.insert", values, on: db) {
                """
                INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at)
                VALUES (\(bind: event.webhookId), \(bind: event.eventId), \(bind: event.eventType.rawValue), \(bind: event.payload),
                        'pending', 0, \(bind: created), \(bind: created))
                """
            })
        }
    }

    private static func events(_ types: Set<WebhookEventType>) -> String {
        types.map(\.rawValue).sorted().joined(separator: ",")
    }

    private static func webhook(_ row: any SQLRow) throws -> Webhook {
        let events = try row.decode(column: "events", as: String.self).split(separator: ",").compactMap { WebhookEventType(rawValue: String($0)) }
        return Webhook(
            id: try row.decode(column: "id", as: String.self),
            url: try row.decode(column: "url", as: String.self),
            secret: try row.decode(column: "secret", as: String.self),
            events: Set(events),
            description: try row.decode(column: "description", as: String.self),
            isActive: try row.decode(column: "is_active", as: Int.self) != 0,
            createdAt: Date(epochMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(epochMilliseconds: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    private static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        let type = try row.decode(column: "event_type", as: String.self)
        let status = try row.decode(column: "status", as: String.self)
        guard let eventType = WebhookEventType(rawValue: type), let deliveryStatus = WebhookDelivery.Status(rawValue: status) else {
            throw TicketStoreError.unknownValue("\(type)/\(status)")
        }
        return WebhookDelivery(
            id: try row.decode(column: "id", as: Int64.self),
            webhookId: try row.decode(column: "webhook_id", as: String.self),
            eventId: try row.decode(column: "event_id", as: String.self),
            eventType: eventType,
            payload: try row.decode(column: "payload", as: String.self),
            status: deliveryStatus,
            attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: Date(epochMilliseconds: try row.decode(column: "next_attempt_at", as: Int64.self)),
            lastAttemptAt: try row.decode(column: "last_attempt_at", as: Int64?.self).map(Date.init(epochMilliseconds:)),
            responseStatus: try row.decode(column: "response_status", as: Int?.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: Date(epochMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).map(Date.init(epochMilliseconds:))
        )
    }
}
