import Foundation

/// Reading and changing the desk's SLA policy: staff read it, admins change it. A change applies to
/// every ticket change from then on; deadlines already stored move when their ticket next changes.
public struct SlaPolicyService: Sendable {
    /// The longest target accepted: a year.
    public static let longestTarget: TimeInterval = 366 * 24 * 3600

    private let repository: any SlaPolicyRepository
    private let source: any SlaPolicySource

    public init(repository: any SlaPolicyRepository, source: any SlaPolicySource) {
        self.repository = repository
        self.source = source
    }

    public func policy(as actor: User) throws -> SlaPolicy {
        guard actor.role.isStaff else { throw HelpdeskError.forbidden("Only agents and admins see the SLA policy.") }
        return source.current()
    }

    /// Takes up the stored policy, which another node may have changed.
    public func reload() async throws {
        if let stored = try await repository.load() { source.replace(with: stored) }
    }

    public func update(_ policy: SlaPolicy, as actor: User) async throws -> SlaPolicy {
        guard Permissions.canManageUsers(as: actor) else { throw HelpdeskError.forbidden("Only admins change the SLA policy.") }
        for priority in TicketPriority.allCases {
            guard let targets = policy.targets[priority] else {
                throw HelpdeskError.invalidField("targets.\(priority.rawValue)", "is required")
            }
            for (name, value) in [("firstResponse", targets.firstResponse), ("nextResponse", targets.nextResponse), ("resolution", targets.resolution)] {
                guard value >= 1, value <= Self.longestTarget else {
                    throw HelpdeskError.invalidField("targets.\(priority.rawValue).\(name)", "must be between 1 second and 366 days")
                }
            }
        }
        try await repository.save(policy)
        source.replace(with: policy)
        return policy
    }
}
