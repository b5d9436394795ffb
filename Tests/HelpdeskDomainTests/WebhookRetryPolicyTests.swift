import Foundation
import HelpdeskDomain
import Testing

@Suite struct WebhookRetryPolicyTests {
    let policy = WebhookRetryPolicy(firstDelay: 10, longestDelay: 3600, window: 24 * 3600)
    let created = Fixtures.epoch

    func delivery() -> WebhookDelivery {
        WebhookDelivery(id: 1, webhookId: "w", eventId: "e", eventType: .ticketCreated, payload: "{}", nextAttemptAt: created, createdAt: created)
    }

    @Test func delaysDoubleUpToTheLongest() {
        #expect((1...11).map { policy.delay(afterAttempts: $0) } == [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600])
        #expect(policy.delay(afterAttempts: 10_000) == 3600)
    }

    @Test func aSuccessIsDeliveredAndAFailureWaitsItsTurn() {
        let failed = policy.recording(.failed(status: 500, reason: "answered HTTP 500"), of: delivery(), at: created.addingTimeInterval(1))
        #expect(failed.status == .pending && failed.attempts == 1 && failed.responseStatus == 500)
        #expect(failed.nextAttemptAt == created.addingTimeInterval(11))
        #expect(failed.lastError == "answered HTTP 500" && failed.lastAttemptAt == created.addingTimeInterval(1))

        let delivered = policy.recording(.delivered(status: 204), of: failed, at: created.addingTimeInterval(11))
        #expect(delivered.status == .delivered && delivered.attempts == 2 && delivered.responseStatus == 204)
        #expect(delivered.lastError == nil && delivered.deliveredAt == created.addingTimeInterval(11))
    }

    @Test func failuresAreRetriedForTheWholeWindowAndThenGivenUp() {
        var current = delivery()
        var now = created
        while current.status == .pending {
            now = current.nextAttemptAt
            current = policy.recording(.failed(status: nil, reason: "refused"), of: current, at: now)
        }
        #expect(current.status == .failed)
        #expect(now.timeIntervalSince(created) <= 24 * 3600)
        #expect(now.timeIntervalSince(created) > 23 * 3600, "the last attempt is within the last hour of the window")
        #expect(current.attempts == 32)
    }
}
