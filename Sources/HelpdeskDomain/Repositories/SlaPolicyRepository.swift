/// Where the desk's SLA policy is kept once an admin has set it.
public protocol SlaPolicyRepository: Sendable {
    /// The stored policy, or nil when none was ever saved.
    func load() async throws -> SlaPolicy?
    func save(_ policy: SlaPolicy) async throws
}
