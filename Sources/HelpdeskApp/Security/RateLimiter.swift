import Foundation
import Synchronization

/// Token buckets per key: each key may spend `capacity` at once and earns it back over `window`.
/// A lock, not an actor: it is consulted on every request and socket event and never waits.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let capacity: Double
    private let refillPerSecond: Double
    private let clock = ContinuousClock()
    private let buckets = Mutex<[String: Bucket]>([:])
    private static let pruneThreshold = 10_000

    init(capacity: Int, window: Duration) {
        self.capacity = Double(max(capacity, 1))
        let seconds = Double(window.components.seconds) + Double(window.components.attoseconds) / 1e18
        self.refillPerSecond = self.capacity / seconds
    }

    /// Takes one token; returns nil when allowed, else the whole seconds until one is available.
    func consume(_ key: String) -> Int? {
        let now = clock.now
        return buckets.withLock { buckets in
            let wait = take(from: &buckets[key, default: Bucket(tokens: capacity, updated: now)], now: now)
            if buckets.count > Self.pruneThreshold { prune(&buckets, now: now) }
            return wait
        }
    }

    private func take(from bucket: inout Bucket, now: ContinuousClock.Instant) -> Int? {
        bucket.tokens = min(capacity, bucket.tokens + elapsedSeconds(from: bucket.updated, to: now) * refillPerSecond)
        bucket.updated = now
        guard bucket.tokens >= 1 else {
            return Int(((1 - bucket.tokens) / refillPerSecond).rounded(.up))
        }
        bucket.tokens -= 1
        return nil
    }

    /// Forgets buckets that have refilled: they behave exactly like new ones.
    private func prune(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        buckets = buckets.filter { _, bucket in
            bucket.tokens + elapsedSeconds(from: bucket.updated, to: now) * refillPerSecond < capacity
        }
    }

    private func elapsedSeconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: end).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
