/// The SLA policy in force, read without waiting on every ticket change.
public protocol SlaPolicySource: Sendable {
    func current() -> SlaPolicy
    func replace(with policy: SlaPolicy)
}

/// A policy that never changes: for tools and tests.
public struct FixedSlaPolicy: SlaPolicySource {
    public let policy: SlaPolicy

    public init(_ policy: SlaPolicy) {
        self.policy = policy
    }

    public func current() -> SlaPolicy { policy }
    public func replace(with policy: SlaPolicy) {}
}
