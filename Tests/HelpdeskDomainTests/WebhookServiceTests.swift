import Foundation
import HelpdeskDomain
import Synchronization
import Testing

@Suite struct WebhookServiceTests {
    /// Remembers every set of endpoints it is handed.
    final class RecordedSubscriptions: WebhookSubscriptions {
        let handed = Mutex<[[String]]>([])
        func replace(with webhooks: [Webhook]) { handed.withLock { $0.append(webhooks.filter(\.isActive).map(\.url)) } }
        var last: [String]? { handed.withLock { $0.last } }
    }

    /// Refuses one host, as the address policy refuses private ones.
    struct RefusingHost: WebhookTargetCheck {
        var host: String
        func check(_ url: URL) throws {
            if url.host == host { throw HelpdeskError.invalidField("url", "resolves to a private address") }
        }
    }

    let repository = InMemoryWebhookRepository()
    let subscriptions = RecordedSubscriptions()
    let clock = TestClock()
    var service: WebhookService {
        WebhookService(webhooks: repository, targets: RefusingHost(host: "intranet.local"), subscriptions: subscriptions, clock: clock)
    }

    func invalidField(_ patch: WebhookPatch) async -> String? {
        do {
            _ = try await service.create(patch, as: Fixtures.admin)
            return nil
        } catch HelpdeskError.invalidField(let field, _) {
            return field
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func onlyAdminsManageWebhooks() async throws {
        for actor in [Fixtures.agent, Fixtures.customerA] {
            await #expect(throws: HelpdeskError.forbidden("Only admins manage webhooks.")) {
                try await service.create(WebhookPatch(url: "https://crm.example.com/hook", events: ["ticket.created"]), as: actor)
            }
            await #expect(throws: HelpdeskError.forbidden("Only admins manage webhooks.")) { try await service.list(as: actor) }
        }
    }

    @Test func registeringChecksEveryFieldAndTellsTheSubscriptions() async throws {
        let valid = WebhookPatch(url: "https://crm.example.com/hook?x=1", events: ["ticket.created", "sla.breached"])
        for (patch, field) in [
            (WebhookPatch(events: ["ticket.created"]), "url"),
            (WebhookPatch(url: "ftp://crm.example.com", events: ["ticket.created"]), "url"),
            (WebhookPatch(url: "https://crm.example.com/#top", events: ["ticket.created"]), "url"),
            (WebhookPatch(url: "https://intranet.local/hook", events: ["ticket.created"]), "url"),
            (WebhookPatch(url: "https://crm.example.com/" + String(repeating: "a", count: 2048), events: ["ticket.created"]), "url"),
            (WebhookPatch(url: "https://crm.example.com"), "events"),
            (WebhookPatch(url: "https://crm.example.com", events: []), "events"),
            (WebhookPatch(url: "https://crm.example.com", events: ["ticket.deleted"]), "events"),
            (WebhookPatch(url: "https://crm.example.com", secret: "too short", events: ["ticket.created"]), "secret"),
            (WebhookPatch(url: "https://crm.example.com", secret: "has a space in it somewhere", events: ["ticket.created"]), "secret"),
            (WebhookPatch(url: "https://crm.example.com", events: ["ticket.created"], description: String(repeating: "d", count: 201)), "description"),
        ] {
            #expect(await invalidField(patch) == field, "\(patch)")
        }
        #expect(subscriptions.last == nil, "nothing was stored")

        let webhook = try await service.create(valid, as: Fixtures.admin)
        #expect(webhook.events == [.ticketCreated, .slaBreached] && webhook.isActive && webhook.secret.count == 43)
        #expect(webhook.createdAt == Fixtures.epoch && webhook.url == "https://crm.example.com/hook?x=1")
        #expect(subscriptions.last == ["https://crm.example.com/hook?x=1"])

        clock.advance(by: 60)
        let paused = try await service.update(id: webhook.id, WebhookPatch(isActive: false), as: Fixtures.admin)
        #expect(!paused.isActive && paused.updatedAt == Fixtures.epoch.addingTimeInterval(60) && paused.secret == webhook.secret)
        #expect(subscriptions.last == [])
        try await service.delete(id: webhook.id, as: Fixtures.admin)
        await #expect(throws: HelpdeskError.notFound("Webhook")) { try await service.delete(id: webhook.id, as: Fixtures.admin) }
    }

    @Test func aDeliveryIsQueuedAgainOnlyOnceItIsNoLongerPending() async throws {
        let webhook = try await service.create(WebhookPatch(url: "https://crm.example.com", events: ["ticket.created"]), as: Fixtures.admin)
        var failed = WebhookDelivery(
            id: 7, webhookId: webhook.id, eventId: "e", eventType: .ticketCreated, payload: "{}", nextAttemptAt: Fixtures.epoch, createdAt: Fixtures.epoch
        )
        await repository.add(failed)
        await #expect(throws: HelpdeskError.conflict("This delivery is still queued.")) {
            try await service.redeliver(webhookId: webhook.id, deliveryId: 7, as: Fixtures.admin)
        }
        failed.status = .failed
        await repository.add(failed)
        clock.advance(by: 3600)
        let queued = try await service.redeliver(webhookId: webhook.id, deliveryId: 7, as: Fixtures.admin)
        #expect(queued.status == .pending && queued.nextAttemptAt == clock.now())
        await #expect(throws: HelpdeskError.notFound("Delivery")) {
            try await service.redeliver(webhookId: webhook.id, deliveryId: 8, as: Fixtures.admin)
        }
        await #expect(throws: HelpdeskError.invalidField("limit", "must be between 1 and 100")) {
            try await service.deliveries(webhookId: webhook.id, before: nil, limit: 101, as: Fixtures.admin)
        }
    }
}
