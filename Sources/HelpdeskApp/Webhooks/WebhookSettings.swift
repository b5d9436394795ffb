import Foundation
import HelpdeskDomain

/// How webhook deliveries are sent.
public struct WebhookSettings: Sendable {
    /// Let deliveries go to loopback and private-network addresses (an intranet receiver, tests).
    public var allowsPrivateTargets = false
    /// Backoff of failed deliveries: 10 s doubling up to 1 h, for 24 h.
    public var retry = WebhookRetryPolicy()
    /// How long one attempt may take, connecting included.
    public var timeout: Duration = .seconds(10)
    /// How long delivered and failed deliveries stay in the log.
    public var logRetention: TimeInterval = 30 * 24 * 3600

    public init() {}
}
