import HelpdeskDomain
import Synchronization

/// The SLA policy in force for this process; an admin's change replaces it at once.
final class SlaPolicyHolder: SlaPolicySource {
    private let policy: Mutex<SlaPolicy>

    init(_ policy: SlaPolicy) {
        self.policy = Mutex(policy)
    }

    func current() -> SlaPolicy {
        policy.withLock { $0 }
    }

    func replace(with policy: SlaPolicy) {
        self.policy.withLock { $0 = policy }
    }
}
