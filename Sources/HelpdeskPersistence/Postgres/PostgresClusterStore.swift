import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// What the nodes of a cluster share through PostgreSQL: published broadcasts (a table, and a
/// notification on one channel per broadcast), sockets' sessions, nodes' heartbeats and presence.
public struct PostgresClusterStore: Sendable {
    /// The channel broadcasts are announced on.
    public static let channel = "helpdesk_events"
    /// Notifications carry the whole broadcast up to this size (PostgreSQL's limit is 8000 bytes),
    /// and only its id above it: the listeners read it from the table.
    static let inlinePayloadLimit = 7_900
    /// The advisory lock publishers take, so that ids are committed — and announced — in their order.
    static let publishLockKey = 7_310_002

    let storage: PostgresStorage

    public init(storage: PostgresStorage) {
        self.storage = storage
    }

    /// Stores broadcasts and announces them, in one transaction; returns them with their ids.
    @discardableResult
    public func publish(_ events: [ClusterEvent], at date: Date) async throws -> [ClusterEvent] {
        guard !events.isEmpty else { return [] }
        return try await storage.transaction { db in
            try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.publishLockKey))").run()
            let ids = try await db.raw("""
                INSERT INTO cluster_events (namespace, rooms, excluded_rooms, excluded_sockets, data, created_at)
                SELECT namespace, rooms::text[], excluded_rooms::text[], excluded_sockets::text[], data, created_at FROM unnest(\(bind: events.map(\.namespace)), \(bind: events.map { Self.array($0.rooms) }),
                    \(bind: events.map { Self.array($0.excludedRooms) }), \(bind: events.map { Self.array($0.excludedSockets) }),
                    \(bind: events.map(\.data)), \(bind: Array(repeating: date.epochMilliseconds, count: events.count)))
                    AS e (namespace, rooms, excluded_rooms, excluded_sockets, data, created_at)
                RETURNING id
                """).all(decodingColumn: "id", as: Int64.self)
            let published = zip(ids, events).map { id, event in
                var event = event
                event.id = id
                return event
            }.sorted { $0.id < $1.id }
            let payloads = try published.map(Self.payload)
            try await db.raw("SELECT pg_notify(\(bind: Self.channel), p) FROM unnest(\(bind: payloads)) AS p").run()
            return published
        }
    }

    /// The broadcasts after `id`, oldest first.
    public func events(after id: Int64, limit: Int = 10_000) async throws -> [ClusterEvent] {
        try await storage.reader.raw("""
            SELECT * FROM cluster_events WHERE id > \(bind: id) ORDER BY id LIMIT \(literal: limit)
            """).all().map(Self.event)
    }

    /// Whether the broadcast with this id is still kept.
    public func hasEvent(_ id: Int64) async throws -> Bool {
        try await storage.reader.raw("SELECT 1 AS found FROM cluster_events WHERE id = \(bind: id)").first() != nil
    }

    /// The newest broadcast's id (0 when none is kept).
    public func lastEventID() async throws -> Int64 {
        try await storage.reader.raw("SELECT COALESCE(MAX(id), 0) AS id FROM cluster_events").first(decodingColumn: "id", as: Int64.self) ?? 0
    }

    /// Listens for broadcasts on a connection of its own: calls `listening` once the server listens
    /// (to catch up on what came before), then `received` with each announced broadcast in order.
    /// Returns or throws when the connection ends.
    public func listen(
        logger: Logger, listening: @Sendable () async throws -> Void, received: @Sendable (ClusterEvent) async throws -> Void
    ) async throws {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: storage.configuration.coreConfiguration,
            id: 0, logger: logger
        )
        do {
            try await connection.listen(on: Self.channel) { notifications in
                try await listening()
                for try await notification in notifications {
                    let announced = try JSONDecoder().decode(Announced.self, from: Data(notification.payload.utf8))
                    if let event = announced.event {
                        try await received(event)
                    } else if let event = try await storage.reader.raw("SELECT * FROM cluster_events WHERE id = \(bind: announced.id)").first() {
                        try await received(try Self.event(event))
                    }
                }
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// A notification's payload: the whole broadcast, or only its id when that is too long.
    private struct Announced: Decodable {
        var id: Int64
        var event: ClusterEvent?
    }

    private static func payload(_ event: ClusterEvent) throws -> String {
        struct Whole: Encodable { var id: Int64; var event: ClusterEvent }
        struct IdOnly: Encodable { var id: Int64 }
        let whole = try JSONEncoder().encode(Whole(id: event.id, event: event))
        if whole.count <= inlinePayloadLimit { return String(decoding: whole, as: UTF8.self) }
        return String(decoding: try JSONEncoder().encode(IdOnly(id: event.id)), as: UTF8.self)
    }

    // MARK: - Sessions

    /// Saves sockets' rooms (inserting or replacing) and forgets the sessions in `ended`.
    public func saveSessions(_ sessions: [ClusterSession], ended: [String], at date: Date) async throws {
        guard !sessions.isEmpty || !ended.isEmpty else { return }
        try await storage.transaction { db in
            for session in sessions {
                try await db.raw("""
                    INSERT INTO cluster_sessions (pid, socket_id, rooms, user_id, saved_at)
                    VALUES (\(bind: session.pid), \(bind: session.socketID), \(bind: session.rooms), \(bind: session.userID),
                            \(bind: date.epochMilliseconds))
                    ON CONFLICT (pid) DO UPDATE SET socket_id = excluded.socket_id, rooms = excluded.rooms,
                        user_id = excluded.user_id, saved_at = excluded.saved_at
                    """).run()
            }
            if !ended.isEmpty {
                try await db.raw("DELETE FROM cluster_sessions WHERE pid IN (\(binds: ended))").run()
            }
        }
    }

    public func session(pid: String) async throws -> ClusterSession? {
        try await storage.reader.raw("SELECT * FROM cluster_sessions WHERE pid = \(bind: pid)").first().map { row in
            ClusterSession(
                pid: pid, socketID: try row.decode(column: "socket_id", as: String.self),
                rooms: try row.decode(column: "rooms", as: [String].self), userID: try row.decode(column: "user_id", as: String?.self)
            )
        }
    }

    // MARK: - Nodes and presence

    /// Records that `node` is alive.
    public func heartbeat(node: String, at date: Date) async throws {
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO cluster_nodes (id, heartbeat_at) VALUES (\(bind: node), \(bind: date.epochMilliseconds))
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
                """).run()
        }
    }

    /// Adds a socket's presence in a ticket; returns everyone present through live nodes (heartbeat
    /// after `aliveSince`), the new one included.
    public func join(_ presence: ClusterPresence, node: String, aliveSince: Date) async throws -> [ClusterPresence] {
        try await storage.transaction { db in
            try await Self.lockPresence(of: presence.userID, in: presence.ticketID, db: db)
            try await db.raw("""
                INSERT INTO cluster_presence (ticket_id, socket_id, node_id, user_id, user_name, user_role)
                VALUES (\(bind: presence.ticketID), \(bind: presence.socketID), \(bind: node), \(bind: presence.userID),
                        \(bind: presence.userName), \(bind: presence.userRole))
                ON CONFLICT (ticket_id, socket_id) DO NOTHING
                """).run()
            return try await Self.present(in: presence.ticketID, aliveSince: aliveSince, db: db)
        }
    }

    /// Removes a socket's presence in a ticket; returns who is still present through live nodes.
    public func leave(ticketID: String, socketID: String, userID: String, aliveSince: Date) async throws -> [ClusterPresence] {
        try await storage.transaction { db in
            try await Self.lockPresence(of: userID, in: ticketID, db: db)
            try await db.raw("DELETE FROM cluster_presence WHERE ticket_id = \(bind: ticketID) AND socket_id = \(bind: socketID)").run()
            return try await Self.present(in: ticketID, aliveSince: aliveSince, db: db)
        }
    }

    /// Forgets the presence of nodes silent since before `aliveSince` (and of this node's earlier
    /// run); returns what was removed, so that the others can be told who left.
    public func dropDeadNodes(aliveSince: Date) async throws -> [ClusterPresence] {
        try await storage.transaction { db in
            let rows = try await db.raw("""
                DELETE FROM cluster_presence WHERE node_id IN (SELECT id FROM cluster_nodes WHERE heartbeat_at < \(bind: aliveSince.epochMilliseconds))
                   OR node_id NOT IN (SELECT id FROM cluster_nodes)
                RETURNING *
                """).all().map(Self.presence)
            try await db.raw("DELETE FROM cluster_nodes WHERE heartbeat_at < \(bind: aliveSince.epochMilliseconds)").run()
            return rows
        }
    }

    /// One person's tabs joining or leaving one ticket take turns, so that the last to leave (or
    /// the first to join) sees the others' changes and knows it is the last (or first).
    private static func lockPresence(of userID: String, in ticketID: String, db: any SQLDatabase) async throws {
        try await db.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: ticketID + "/" + userID)))").run()
    }

    /// Everyone present in a ticket through live nodes.
    public func present(in ticketID: String, aliveSince: Date) async throws -> [ClusterPresence] {
        try await Self.present(in: ticketID, aliveSince: aliveSince, db: storage.reader)
    }

    private static func present(in ticketID: String, aliveSince: Date, db: any SQLDatabase) async throws -> [ClusterPresence] {
        try await db.raw("""
            SELECT p.* FROM cluster_presence p JOIN cluster_nodes n ON n.id = p.node_id
            WHERE p.ticket_id = \(bind: ticketID) AND n.heartbeat_at >= \(bind: aliveSince.epochMilliseconds)
            ORDER BY p.user_name, p.user_id, p.socket_id
            """).all().map(presence)
    }

    // MARK: - Upkeep

    /// Drops broadcasts older than `eventsBefore` and sessions unchanged since `sessionsBefore`.
    public func prune(eventsBefore: Date, sessionsBefore: Date) async throws {
        try await storage.transaction { db in
            try await db.raw("DELETE FROM cluster_events WHERE created_at < \(bind: eventsBefore.epochMilliseconds)").run()
            try await db.raw("DELETE FROM cluster_sessions WHERE saved_at < \(bind: sessionsBefore.epochMilliseconds)").run()
        }
    }

    private static func event(_ row: any SQLRow) throws -> ClusterEvent {
        ClusterEvent(
            id: try row.decode(column: "id", as: Int64.self),
            namespace: try row.decode(column: "namespace", as: String.self),
            rooms: try row.decode(column: "rooms", as: [String].self),
            excludedRooms: try row.decode(column: "excluded_rooms", as: [String].self),
            excludedSockets: try row.decode(column: "excluded_sockets", as: [String].self),
            data: try row.decode(column: "data", as: String.self)
        )
    }

    private static func presence(_ row: any SQLRow) throws -> ClusterPresence {
        ClusterPresence(
            ticketID: try row.decode(column: "ticket_id", as: String.self),
            socketID: try row.decode(column: "socket_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            userName: try row.decode(column: "user_name", as: String.self),
            userRole: try row.decode(column: "user_role", as: String.self)
        )
    }

    /// A list as a PostgreSQL array literal, for `unnest` over arrays of arrays (which binds cannot nest).
    private static func array(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
