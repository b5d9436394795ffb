import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Logging
import ServiceLifecycle
import SocketIOServer
import Synchronization

/// Presence shared by the nodes of a cluster: each socket's presence in a ticket is a row naming
/// its node, and a node counts only while its heartbeat is fresh. Every node beats every
/// `heartbeatInterval` and drops the presence of nodes silent for `expiry`, telling the ticket's
/// room who left — so a node that dies drops out within seconds.
final class ClusterPresenceRegistry: PresenceTracking, Service {
    static let heartbeatInterval: Duration = .seconds(1)
    static let expiry: TimeInterval = 5

    let node: String
    private let store: PostgresClusterStore
    private let namespace: SocketIONamespace
    private let logger: Logger
    private let ticketsBySocket = Mutex<[String: Set<String>]>([:])

    init(node: String, store: PostgresClusterStore, namespace: SocketIONamespace, logger: Logger) {
        self.node = node
        self.store = store
        self.namespace = namespace
        self.logger = logger
    }

    private var aliveSince: Date { Date().addingTimeInterval(-Self.expiry) }

    func join(ticketId: String, socketId: String, user: User) async throws -> (isFirst: Bool, present: [PresenceRegistry.Person]) {
        let rows = try await store.join(
            ClusterPresence(ticketID: ticketId, socketID: socketId, userID: user.id, userName: user.name, userRole: user.role.rawValue),
            node: node, aliveSince: aliveSince
        )
        ticketsBySocket.withLock { $0[socketId, default: []].insert(ticketId) }
        var people: [String: PresenceRegistry.Person] = [:]
        for row in rows {
            people[row.userID] = PresenceRegistry.Person(userId: row.userID, userName: row.userName, userType: Role(rawValue: row.userRole) ?? .customer)
        }
        let isFirst = rows.filter { $0.userID == user.id }.count == 1
        return (isFirst, people.values.sorted { $0.userName < $1.userName })
    }

    func leave(ticketId: String, socketId: String, userId: String) async -> Bool {
        ticketsBySocket.withLock { _ = $0[socketId]?.remove(ticketId) }
        do {
            let rows = try await store.leave(ticketID: ticketId, socketID: socketId, userID: userId, aliveSince: aliveSince)
            return !rows.contains { $0.userID == userId }
        } catch {
            logger.warning("Could not record leaving a ticket", metadata: ["error": "\(String(reflecting: error))"])
            return false
        }
    }

    func tickets(of socketId: String) -> Set<String> {
        ticketsBySocket.withLock { $0.removeValue(forKey: socketId) ?? [] }
    }

    /// Beats, and drops the presence of nodes that stopped beating.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.store.heartbeat(node: self.node, at: Date())
                    for gone in try await self.store.dropDeadNodes(aliveSince: self.aliveSince) {
                        try await self.announceLeft(gone)
                    }
                } catch {
                    self.logger.warning("Could not keep this node's presence", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: Self.heartbeatInterval)
            }
        }
    }

    /// Tells a ticket's room that someone whose node died left, unless they are still there through another.
    private func announceLeft(_ gone: ClusterPresence) async throws {
        let present = try await store.present(in: gone.ticketID, aliveSince: aliveSince)
        guard !present.contains(where: { $0.userID == gone.userID }) else { return }
        namespace.to(TicketRooms.ticket(gone.ticketID)).emit("user_left", [[
            "ticketId": .string(gone.ticketID), "userId": .string(gone.userID), "userName": .string(gone.userName),
            "timestamp": .string(WireTimestamp.string(Date())),
        ]])
    }
}
