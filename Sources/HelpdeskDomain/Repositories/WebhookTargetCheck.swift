import Foundation

/// Checks where a webhook URL leads (e.g. refuses private and loopback addresses).
public protocol WebhookTargetCheck: Sendable {
    /// Throws `HelpdeskError.invalidField("url", …)` when deliveries may not go to `url`.
    func check(_ url: URL) async throws
}
