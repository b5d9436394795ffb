import Foundation

/// When a failed delivery is tried again: after `firstDelay`, then twice as long each time up to
/// `longestDelay`, until `window` has passed since the event; then it is given up as failed.
public struct WebhookRetryPolicy: Sendable, Equatable {
    public var firstDelay: TimeInterval
    public var longestDelay: TimeInterval
    public var window: TimeInterval

    public init(firstDelay: TimeInterval = 10, longestDelay: TimeInterval = 3600, window: TimeInterval = 24 * 3600) {
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.window = window
    }

    /// The delay after the `attempts`-th failed attempt (1 for the first).
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        let doublings = Double(min(max(attempts - 1, 0), 62))
        return min(firstDelay * pow(2, doublings), longestDelay)
    }

    /// The delivery after one more attempt ended with `result` at `now`.
    public func recording(_ result: WebhookAttemptResult, of delivery: WebhookDelivery, at now: Date) -> WebhookDelivery {
        var delivery = delivery
        delivery.attempts += 1
        delivery.lastAttemptAt = now
        switch result {
        case .delivered(let status):
            delivery.status = .delivered
            delivery.responseStatus = status
            delivery.lastError = nil
            delivery.deliveredAt = now
        case .failed(let status, let reason):
            delivery.responseStatus = status
            delivery.lastError = reason
            let next = now.addingTimeInterval(delay(afterAttempts: delivery.attempts))
            if next.timeIntervalSince(delivery.createdAt) > window {
                delivery.status = .failed
            } else {
                delivery.nextAttemptAt = next
            }
        }
        return delivery
    }
}
