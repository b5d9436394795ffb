import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Logging
import ServiceLifecycle
import SocketIOServer
import Synchronization

/// Joins this node's Socket.IO server to the other nodes' through PostgreSQL: broadcasts are
/// published to a table and announced with NOTIFY, and every node relays each one it hears to its
/// own sockets exactly once, in id order (the id is the clients' recovery offset). After a lost
/// connection it listens again and first relays what it missed from the table, so nothing
/// published is skipped. Sockets' rooms are saved as they change, so a client whose node died
/// resumes its session, with what it missed, on any other.
final class PostgresClusterBus: SocketIOClusterAdapter, Service {
    /// The longest wait between attempts while the database cannot be reached.
    static let maxBackoff: Duration = .seconds(2)

    private let handler = Mutex<(@Sendable (SocketIOClusterDelivery) -> Void)?>(nil)
    private let store: PostgresClusterStore
    private let logger: Logger
    private let outbox = Mutex(Outbox())
    private let wakeups: AsyncStream<Void>
    private let wakeupContinuation: AsyncStream<Void>.Continuation
    /// The id of the newest broadcast relayed; nil until the first listen.
    private let lastRelayed = Mutex<Int64?>(nil)
    private let progress = Mutex(Progress())

    /// How far this node's own broadcasts got, counted in the order they were published, and who
    /// waits for them (`flush`).
    private struct Progress {
        /// Broadcasts published so far.
        var published = 0
        /// Written batches not yet relayed: how many broadcasts were written with each, and its last id.
        var written: [(count: Int, lastID: Int64)] = []
        /// How many of them this node has relayed.
        var relayed = 0
        var waiters: [Int: (target: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter = 0

        /// Moves `relayed` past the batches whose last id was relayed; returns the waiters this satisfies.
        mutating func relayed(upTo id: Int64) -> [CheckedContinuation<Void, Never>] {
            while let first = written.first, first.lastID <= id {
                relayed = first.count
                written.removeFirst()
            }
            let done = waiters.filter { $0.value.target <= relayed }
            for key in done.keys { waiters[key] = nil }
            return done.map(\.value.continuation)
        }
    }

    /// What waits to be written: broadcasts in order, sessions by private id (the latest rooms win).
    private struct Outbox {
        var broadcasts: [SocketIOClusterBroadcast] = []
        var sessions: [String: ClusterSession] = [:]
        var ended: Set<String> = []
        var isEmpty: Bool { broadcasts.isEmpty && sessions.isEmpty && ended.isEmpty }
    }

    init(store: PostgresClusterStore, logger: Logger) {
        self.store = store
        self.logger = logger
        (wakeups, wakeupContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: - SocketIOClusterAdapter

    func deliver(to handler: @escaping @Sendable (SocketIOClusterDelivery) -> Void) {
        self.handler.withLock { $0 = handler }
    }

    func publish(_ broadcast: SocketIOClusterBroadcast) {
        outbox.withLock { outbox in
            outbox.broadcasts.append(broadcast)
            progress.withLock { $0.published += 1 }
        }
        wakeupContinuation.yield()
    }

    func flush(timeout: Duration) async {
        let id = progress.withLock { progress -> Int? in
            guard progress.relayed < progress.published else { return nil }
            progress.nextWaiter += 1
            return progress.nextWaiter
        }
        guard let id else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        let ready = self.progress.withLock { progress -> Bool in
                            guard progress.relayed < progress.published, !Task.isCancelled else { return true }
                            progress.waiters[id] = (progress.published, continuation)
                            return false
                        }
                        if ready { continuation.resume() }
                    }
                } onCancel: {
                    self.progress.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
                }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    func saveSession(pid: String, socketID: String, rooms: Set<String>, context: (any Sendable)?) {
        let session = ClusterSession(pid: pid, socketID: socketID, rooms: rooms.sorted(), userID: (context as? User)?.id)
        outbox.withLock { outbox in
            outbox.sessions[pid] = session
            outbox.ended.remove(pid)
        }
        wakeupContinuation.yield()
    }

    func endSession(pid: String) {
        outbox.withLock { outbox in
            outbox.sessions[pid] = nil
            outbox.ended.insert(pid)
        }
        wakeupContinuation.yield()
    }

    func restoreSession(pid: String, offset: String, context: (any Sendable)?) async -> SocketIOClusterSession? {
        guard let after = Int64(offset) else { return nil }
        do {
            guard let session = try await store.session(pid: pid), session.userID == (context as? User)?.id,
                  try await store.hasEvent(after)
            else { return nil }
            let rooms = Set(session.rooms)
            let missed = try await store.events(after: after).compactMap(Self.delivery).filter {
                $0.broadcast.reaches(socketID: session.socketID, rooms: rooms)
            }
            return SocketIOClusterSession(socketID: session.socketID, rooms: rooms, missed: missed)
        } catch {
            logger.warning("Could not restore a socket's session", metadata: ["error": "\(String(reflecting: error))"])
            return nil
        }
    }

    // MARK: - Service

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.writeOutbox() }
                group.addTask { await self.listen() }
            }
        }
    }

    /// Writes what the outbox holds whenever something arrives; while the database fails, keeps it
    /// (in order) and tries again with a growing pause.
    private func writeOutbox() async {
        var backoff = Backoff(max: Self.maxBackoff)
        for await _ in wakeups {
            while true {
                let pending = outbox.withLock { outbox in
                    defer { outbox = Outbox() }
                    return outbox
                }
                guard !pending.isEmpty else { break }
                var unwritten = pending
                do {
                    let published = try await store.publish(pending.broadcasts.map(Self.event), at: Date())
                    if let last = published.last?.id {
                        progress.withLock { progress in
                            progress.written.append(((progress.written.last?.count ?? progress.relayed) + published.count, last))
                        }
                        relayedUpTo(lastRelayed.withLock { $0 } ?? 0)
                    }
                    unwritten.broadcasts = []
                    try await store.saveSessions(Array(pending.sessions.values), ended: Array(pending.ended), at: Date())
                    backoff.reset()
                } catch {
                    logger.warning("Could not publish to the cluster; retrying", metadata: ["error": "\(String(reflecting: error))"])
                    outbox.withLock { outbox in
                        outbox.broadcasts = unwritten.broadcasts + outbox.broadcasts
                        outbox.sessions = unwritten.sessions.merging(outbox.sessions) { _, newer in newer }
                        outbox.ended.formUnion(unwritten.ended.subtracting(outbox.sessions.keys))
                    }
                    guard (try? await Task.sleep(for: backoff.next())) != nil else { return }
                }
            }
        }
    }

    /// Listens for broadcasts, listening again after a failure; each time, first relays what was
    /// published since the last one relayed.
    private func listen() async {
        var backoff = Backoff(max: Self.maxBackoff)
        while !Task.isCancelled {
            let listened = Mutex(false)
            do {
                try await store.listen(logger: logger, listening: {
                    try await self.catchUp()
                    listened.withLock { $0 = true }
                }, received: { event in self.relay(event) })
            } catch {
                logger.warning("Lost the cluster's event channel; listening again", metadata: ["error": "\(String(reflecting: error))"])
            }
            if listened.withLock({ $0 }) { backoff.reset() }
            guard (try? await Task.sleep(for: backoff.next())) != nil else { return }
        }
    }

    private func catchUp() async throws {
        guard let last = lastRelayed.withLock({ $0 }) else {
            // What was published before this node listened went to no socket of its own.
            let newest = try await store.lastEventID()
            lastRelayed.withLock { $0 = $0 ?? newest }
            relayedUpTo(newest)
            return
        }
        for event in try await store.events(after: last) {
            relay(event)
        }
    }

    /// Hands a broadcast to the server, unless it was relayed already.
    private func relay(_ event: ClusterEvent) {
        let isNew = lastRelayed.withLock { last in
            guard event.id > (last ?? 0) else { return false }
            last = event.id
            return true
        }
        guard isNew else { return }
        if let delivery = Self.delivery(event) { handler.withLock { $0 }?(delivery) }
        relayedUpTo(event.id)
    }

    /// Wakes the `flush` callers whose broadcasts have now been handed to the server.
    private func relayedUpTo(_ id: Int64) {
        for waiter in progress.withLock({ $0.relayed(upTo: id) }) { waiter.resume() }
    }

    private static func event(_ broadcast: SocketIOClusterBroadcast) -> ClusterEvent {
        ClusterEvent(
            namespace: broadcast.namespace, rooms: broadcast.rooms.sorted(), excludedRooms: broadcast.excludedRooms.sorted(),
            excludedSockets: broadcast.excludedSockets.sorted(), data: JSONValue.array(broadcast.data).jsonText
        )
    }

    private static func delivery(_ event: ClusterEvent) -> SocketIOClusterDelivery? {
        guard let data = (try? JSONValue(jsonText: event.data[...]))?.arrayValue else { return nil }
        return SocketIOClusterDelivery(offset: String(event.id), broadcast: SocketIOClusterBroadcast(
            namespace: event.namespace, rooms: Set(event.rooms), excludedRooms: Set(event.excludedRooms),
            excludedSockets: Set(event.excludedSockets), data: data
        ))
    }
}
