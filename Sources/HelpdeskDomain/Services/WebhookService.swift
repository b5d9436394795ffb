import Foundation

/// Admins register, change and remove webhook endpoints and read their delivery logs.
public struct WebhookService: Sendable {
    public static let maxURLLength = 2048
    public static let secretLengths = 16...256
    public static let maxDescriptionLength = 200
    public static let maxDeliveryPage = 100

    private let webhooks: any WebhookRepository
    private let targets: any WebhookTargetCheck
    private let subscriptions: any WebhookSubscriptions
    private let clock: any HelpdeskClock

    public init(
        webhooks: any WebhookRepository, targets: any WebhookTargetCheck, subscriptions: any WebhookSubscriptions,
        clock: any HelpdeskClock
    ) {
        self.webhooks = webhooks
        self.targets = targets
        self.subscriptions = subscriptions
        self.clock = clock
    }

    /// Hands the stored endpoints to the subscriptions (at start-up).
    public func loadSubscriptions() async throws {
        subscriptions.replace(with: try await webhooks.all())
    }

    public func list(as actor: User) async throws -> [Webhook] {
        try authorize(actor)
        return try await webhooks.all()
    }

    public func webhook(id: String, as actor: User) async throws -> Webhook {
        try authorize(actor)
        guard let webhook = try await webhooks.find(id: id) else { throw HelpdeskError.notFound("Webhook") }
        return webhook
    }

    public func create(_ patch: WebhookPatch, as actor: User) async throws -> Webhook {
        try authorize(actor)
        guard let url = patch.url else { throw HelpdeskError.invalidField("url", "is required") }
        guard let events = patch.events else { throw HelpdeskError.invalidField("events", "is required") }
        let now = clock.now()
        let webhook = Webhook(
            id: RandomID.make(at: now),
            url: try await checkedURL(url),
            secret: try patch.secret.map(Self.secret) ?? RandomSecret.generate(length: 43),
            events: try Self.eventTypes(events),
            description: try patch.description.map(Self.description) ?? "",
            isActive: patch.isActive ?? true,
            createdAt: now, updatedAt: now
        )
        try await webhooks.insert(webhook)
        try await loadSubscriptions()
        return webhook
    }

    public func update(id: String, _ patch: WebhookPatch, as actor: User) async throws -> Webhook {
        var webhook = try await self.webhook(id: id, as: actor)
        if let url = patch.url { webhook.url = try await checkedURL(url) }
        if let secret = patch.secret { webhook.secret = try Self.secret(secret) }
        if let events = patch.events { webhook.events = try Self.eventTypes(events) }
        if let description = patch.description { webhook.description = try Self.description(description) }
        if let isActive = patch.isActive { webhook.isActive = isActive }
        webhook.updatedAt = clock.now()
        try await webhooks.update(webhook)
        try await loadSubscriptions()
        return webhook
    }

    /// Removes the endpoint and its queued and past deliveries.
    public func delete(id: String, as actor: User) async throws {
        try authorize(actor)
        guard try await webhooks.delete(id: id) else { throw HelpdeskError.notFound("Webhook") }
        try await loadSubscriptions()
    }

    /// The endpoint's delivery log, newest first.
    public func deliveries(webhookId: String, before: Int64?, limit: Int, as actor: User) async throws -> [WebhookDelivery] {
        _ = try await webhook(id: webhookId, as: actor)
        guard (1...Self.maxDeliveryPage).contains(limit) else {
            throw HelpdeskError.invalidField("limit", "must be between 1 and \(Self.maxDeliveryPage)")
        }
        return try await webhooks.deliveries(webhookId: webhookId, before: before, limit: limit)
    }

    /// Queues a delivery again (e.g. one that failed for good) to be sent as soon as its turn comes.
    public func redeliver(webhookId: String, deliveryId: Int64, as actor: User) async throws -> WebhookDelivery {
        _ = try await webhook(id: webhookId, as: actor)
        guard var delivery = try await webhooks.delivery(id: deliveryId), delivery.webhookId == webhookId else {
            throw HelpdeskError.notFound("Delivery")
        }
        guard delivery.status != .pending else { throw HelpdeskError.conflict("This delivery is still queued.") }
        delivery.status = .pending
        delivery.nextAttemptAt = clock.now()
        try await webhooks.save(delivery)
        try await loadSubscriptions()
        return delivery
    }

    private func authorize(_ actor: User) throws {
        guard Permissions.canManageWebhooks(as: actor) else { throw HelpdeskError.forbidden("Only admins manage webhooks.") }
    }

    private func checkedURL(_ text: String) async throws -> String {
        let url = try Self.url(text)
        try await targets.check(url)
        return url.absoluteString
    }

    /// An absolute http(s) URL with a host and no user name, password or fragment.
    static func url(_ text: String) throws -> URL {
        let text = Validate.trimmingWhiteSpace(text)
        guard !text.isEmpty else { throw HelpdeskError.invalidField("url", "must not be empty") }
        guard text.utf8.count <= maxURLLength else {
            throw HelpdeskError.invalidField("url", "must be at most \(maxURLLength) characters")
        }
        guard let components = URLComponents(string: text), let url = components.url,
              let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
        else { throw HelpdeskError.invalidField("url", "must be an absolute URL such as https://example.com/hooks") }
        guard scheme == "http" || scheme == "https" else { throw HelpdeskError.invalidField("url", "must start with http:// or https://") }
        guard components.user == nil, components.password == nil else {
            throw HelpdeskError.invalidField("url", "must not contain a user name or password")
        }
        guard components.fragment == nil else { throw HelpdeskError.invalidField("url", "must not contain a fragment (#…)") }
        return url
    }

    static func secret(_ text: String) throws -> String {
        guard secretLengths.contains(text.count) else {
            throw HelpdeskError.invalidField("secret", "must be \(secretLengths.lowerBound) to \(secretLengths.upperBound) characters")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            throw HelpdeskError.invalidField("secret", "must not contain spaces or control characters")
        }
        return text
    }

    static func eventTypes(_ names: [String]) throws -> Set<WebhookEventType> {
        guard !names.isEmpty else { throw HelpdeskError.invalidField("events", "must name at least one event type") }
        return Set(try names.map { name in
            guard let type = WebhookEventType(rawValue: name) else {
                let known = WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")
                throw HelpdeskError.invalidField("events", "\(name) is not one of \(known)")
            }
            return type
        })
    }

    static func description(_ text: String) throws -> String {
        guard !Validate.trimmingWhiteSpace(text).isEmpty else { return "" }
        return try Validate.text(text, field: "description", maxLength: maxDescriptionLength)
    }
}
