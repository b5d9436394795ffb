import DequeModule
import EngineIOServer
import Synchronization

/// What connection-state recovery remembers for one namespace: recent broadcasts with their offsets,
/// and the sessions of dropped sockets, both forgotten after the recovery window.
final class RecoveryLog: Sendable {
    /// A broadcast as it went out (its offset inside) and its audience. A class, so
    /// that looking at the oldest entry and dropping it moves one reference, not five.
    final class Entry: Sendable {
        let offset: String
        let rooms: Set<String>
        let excludedRooms: Set<String>
        let excludedSockets: Set<String>
        let frames: [EngineIOPacket.Payload]
        let at: ContinuousClock.Instant

        init(
            offset: String, rooms: Set<String>, excludedRooms: Set<String>, excludedSockets: Set<String>,
            frames: [EngineIOPacket.Payload], at: ContinuousClock.Instant
        ) {
            self.offset = offset
            self.rooms = rooms
            self.excludedRooms = excludedRooms
            self.excludedSockets = excludedSockets
            self.frames = frames
            self.at = at
        }

        func reaches(socketID: String, rooms socketRooms: Set<String>) -> Bool {
            guard !excludedSockets.contains(socketID), excludedRooms.isDisjoint(with: socketRooms) else { return false }
            return rooms.isEmpty || !rooms.isDisjoint(with: socketRooms)
        }
    }

    /// A dropped socket that may come back.
    struct Saved: Sendable {
        var socketID: String
        var rooms: Set<String>
        var context: (any Sendable)?
        var at: ContinuousClock.Instant
    }

    /// A recovered socket's id, rooms and the broadcasts it missed, encoded as they first went out.
    struct Restored: Sendable {
        var socketID: String
        var rooms: Set<String>
        var missed: [[EngineIOPacket.Payload]]
    }

    private struct State {
        /// Oldest first; entries leave from the front one at a time, so no write waits for a compaction.
        var entries = Deque<Entry>()
        var saved: [String: Saved] = [:]
        /// Expired sessions are swept when `saved` reaches this size, so a burst of disconnects stays linear.
        var savedSweepThreshold = 1024
        var nextOffset: UInt64 = 0
    }

    private let window: Duration
    private let capacity: Int
    private let state = Mutex(State())
    /// Offsets are unique across restarts of the process.
    private let epoch = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    init(window: Duration, capacity: Int) {
        self.window = window
        self.capacity = capacity
    }

    /// Gives a broadcast the next offset, encodes it with `encode` (which puts the offset into the
    /// packet), keeps the encoding for replay and returns it. Encoding under the lock keeps the log in
    /// offset order.
    func record(
        rooms: Set<String>, excludedRooms: Set<String>, excludedSockets: Set<String>,
        encode: (String) -> [EngineIOPacket.Payload]
    ) -> [EngineIOPacket.Payload] {
        let now = ContinuousClock.now
        return state.withLock { state in
            state.nextOffset += 1
            let offset = epoch + "-" + String(state.nextOffset, radix: 36)
            let frames = encode(offset)
            state.entries.append(Entry(
                offset: offset, rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets, frames: frames, at: now
            ))
            while let oldest = state.entries.first, state.entries.count > capacity || now - oldest.at > window {
                state.entries.removeFirst()
            }
            return frames
        }
    }

    func save(pid: String, socketID: String, rooms: Set<String>, context: (any Sendable)?) {
        let now = ContinuousClock.now
        state.withLock { state in
            if state.saved.count >= state.savedSweepThreshold {
                state.saved = state.saved.filter { now - $0.value.at <= window }
                state.savedSweepThreshold = max(1024, state.saved.count * 2)
            }
            state.saved[pid] = Saved(socketID: socketID, rooms: rooms, context: context, at: now)
        }
    }

    /// Whether two socket contexts are the same hashable value (both absent counts as the same).
    private static func same(_ lhs: (any Sendable)?, _ rhs: (any Sendable)?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let lhs?, let rhs?): (lhs as? AnyHashable).map { $0 == rhs as? AnyHashable } ?? false
        default: false
        }
    }

    /// Gives a saved session back to the same user, if it is recent and `offset` is still in the log.
    func restore(pid: String, offset: String, context: (any Sendable)?) -> Restored? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let saved = state.saved.removeValue(forKey: pid), now - saved.at <= window, Self.same(saved.context, context),
                  let index = state.entries.firstIndex(where: { $0.offset == offset })
            else { return nil }
            let missed = state.entries[(index + 1)...]
                .filter { $0.reaches(socketID: saved.socketID, rooms: saved.rooms) }
                .map(\.frames)
            return Restored(socketID: saved.socketID, rooms: saved.rooms, missed: missed)
        }
    }
}
