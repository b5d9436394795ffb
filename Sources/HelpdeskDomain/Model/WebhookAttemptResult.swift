/// How one attempt to deliver ended.
public enum WebhookAttemptResult: Sendable, Equatable {
    /// The endpoint answered 2xx.
    case delivered(status: Int)
    /// Any other answer (`status`), or none at all (nil: refused, timed out, unreachable).
    case failed(status: Int?, reason: String)
}
