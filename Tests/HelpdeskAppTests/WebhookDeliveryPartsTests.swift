import Foundation
@testable import HelpdeskApp
import HelpdeskDomain
import Logging
import Testing

@Suite struct WebhookDeliveryPartsTests {
    @Test func theSignatureIsAnHMACOfTimestampAndBody() {
        // As a receiver computes it: hmac.new(secret, b"1700000000." + body, sha256).hexdigest()
        let signature = WebhookSigner.signature(secret: "whsec-test-0123456789", timestamp: 1_700_000_000, body: Array(#"{"id":"e1"}"#.utf8))
        #expect(signature == "sha256=95a5f4df7c53f774b168fd1ee77aceee3574a26e4540f2c58dc5206917fd7ed7")
        #expect(WebhookSigner.signature(secret: "whsec-test-0123456789", timestamp: 1_700_000_001, body: Array(#"{"id":"e1"}"#.utf8)) != signature)
    }

    @Test func aWakeupBeforeTheWaitIsNotLostAndATimeoutEndsTheWait() async {
        let wakeup = LaneWakeup()
        wakeup.signal()
        await wakeup.wait()
        let started = ContinuousClock.now
        await wakeup.wait(atMost: .milliseconds(20))
        #expect(ContinuousClock.now - started >= .milliseconds(20))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await wakeup.wait() }
            wakeup.signal()
        }
    }

    @Test func theRegistryQueuesOneSignedPayloadPerSubscribedActiveEndpoint() throws {
        let registry = WebhookRegistry(logger: Logger(label: "test"))
        let epoch = Date(timeIntervalSince1970: 1_700_000_000)
        func webhook(_ id: String, _ events: Set<WebhookEventType>, active: Bool = true) -> Webhook {
            Webhook(id: id, url: "https://example.com/\(id)", secret: "0123456789abcdef", events: events, isActive: active, createdAt: epoch, updatedAt: epoch)
        }
        registry.replace(with: [webhook("all", Set(WebhookEventType.allCases)), webhook("messages", [.messageCreated]),
                                webhook("off", [.ticketCreated], active: false)])
        let customer = User(id: "alice", email: "alice@example.com", name: "Alice", role: .customer, createdAt: epoch, updatedAt: epoch)
        let change = TicketEditor(actor: customer, now: epoch, sla: SlaPolicy())
            .open(NewTicket(title: "Printer", category: "general", content: "On fire"), number: "TKT-1", customer: customer)

        let queued = registry.deliveries(for: change, isNew: true)
        #expect(queued.map(\.webhookId) == ["all"])
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(queued[0].payload.utf8)) as? [String: Any])
        #expect(payload["type"] as? String == "ticket.created" && payload["id"] as? String == queued[0].eventId)
        let data = try #require(payload["data"] as? [String: Any])
        #expect((data["ticket"] as? [String: Any])?["title"] as? String == "Printer")
        #expect(((data["messages"] as? [[String: Any]])?.first)?["content"] as? String == "On fire")
        #expect(Set(registry.subscribers(of: [.messageCreated])) == ["all", "messages"])
        #expect(registry.subscribers(of: [.ticketCreated]) == ["all"])
    }
}
