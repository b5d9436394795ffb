import HelpdeskDomain

/// Who is looking at which ticket: in this process alone (`PresenceRegistry`), or across the
/// nodes of a cluster (`ClusterPresenceRegistry`).
protocol PresenceTracking: Sendable {
    /// Records the socket in the ticket; returns whether this is the user's first socket there, and who is present.
    func join(ticketId: String, socketId: String, user: User) async throws -> (isFirst: Bool, present: [PresenceRegistry.Person])
    /// Removes the socket from the ticket; returns whether the user has now left it entirely.
    func leave(ticketId: String, socketId: String, userId: String) async -> Bool
    /// The tickets a socket is in, for cleaning up when it disconnects.
    func tickets(of socketId: String) -> Set<String>
}

extension PresenceRegistry: PresenceTracking {}
