import HelpdeskDomain
import Synchronization

/// Who is looking at which ticket, counting a user once however many tabs they have open.
final class PresenceRegistry: Sendable {
    /// One person present in a ticket.
    struct Person: Sendable, Equatable {
        var userId: String
        var userName: String
        var userType: Role
    }

    private struct State {
        var people: [String: [String: Person]] = [:]
        var sockets: [String: [String: Set<String>]] = [:]
        var ticketsBySocket: [String: Set<String>] = [:]
    }

    private let state = Mutex(State())

    /// Records the socket in the ticket; returns whether this is the user's first socket there, and who is present.
    func join(ticketId: String, socketId: String, user: User) -> (isFirst: Bool, present: [Person]) {
        state.withLock { state in
            let isFirst = state.sockets[ticketId]?[user.id]?.isEmpty ?? true
            state.sockets[ticketId, default: [:]][user.id, default: []].insert(socketId)
            state.people[ticketId, default: [:]][user.id] = Person(userId: user.id, userName: user.name, userType: user.role)
            state.ticketsBySocket[socketId, default: []].insert(ticketId)
            return (isFirst, state.people[ticketId].map { Array($0.values) }?.sorted { $0.userName < $1.userName } ?? [])
        }
    }

    /// Removes the socket from the ticket; returns whether the user has now left it entirely.
    func leave(ticketId: String, socketId: String, userId: String) -> Bool {
        state.withLock { state in
            state.ticketsBySocket[socketId]?.remove(ticketId)
            guard state.sockets[ticketId]?[userId]?.remove(socketId) != nil else { return false }
            guard state.sockets[ticketId]?[userId]?.isEmpty == true else { return false }
            state.sockets[ticketId]?[userId] = nil
            state.people[ticketId]?[userId] = nil
            if state.people[ticketId]?.isEmpty == true {
                state.people[ticketId] = nil
                state.sockets[ticketId] = nil
            }
            return true
        }
    }

    /// The tickets a socket is in, for cleaning up when it disconnects.
    func tickets(of socketId: String) -> Set<String> {
        state.withLock { $0.ticketsBySocket.removeValue(forKey: socketId) ?? [] }
    }
}
