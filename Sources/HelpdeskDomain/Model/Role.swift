/// What a user may do: customers own tickets, agents work them, admins also manage users.
public enum Role: String, Codable, Sendable, CaseIterable {
    case customer
    case agent
    case admin

    /// Agents and admins: the people who answer tickets.
    public var isStaff: Bool { self != .customer }
}
