import Synchronization

/// What connection-state recovery remembers for one namespace: recent broadcasts with their offsets,
/// and the sessions of dropped sockets, both forgotten after the recovery window.
final class RecoveryLog: Sendable {
    /// A broadcast, its audience and its offset.
    struct Entry: Sendable {
        var offset: String
        var rooms: Set<String>
        var excludedRooms: Set<String>
        var excludedSockets: Set<String>
        var data: [JSONValue]
        var at: ContinuousClock.Instant

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

    /// A recovered socket's id, rooms and the broadcasts it missed (offsets appended).
    struct Restored: Sendable {
        var socketID: String
        var rooms: Set<String>
        var missed: [[JSONValue]]
    }

    private struct State {
        /// Entries before `start` are forgotten; the array is compacted once they are half of it.
        var entries: [Entry] = []
        var start = 0
        var saved: [String: Saved] = [:]
        /// Expired sessions are swept when `saved` reaches this size, so a burst of disconnects stays linear.
        var savedSweepThreshold = 1024
        var nextOffset: UInt64 = 0

        mutating func forget(upTo index: Int) {
            start = index
            if start > entries.count / 2 {
                entries.removeFirst(start)
                start = 0
            }
        }
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

    /// Records a broadcast and returns its data with the offset appended.
    func record(_ data: [JSONValue], rooms: Set<String>, excludedRooms: Set<String>, excludedSockets: Set<String>) -> [JSONValue] {
        let now = ContinuousClock.now
        return state.withLock { state in
            state.nextOffset += 1
            let offset = epoch + "-" + String(state.nextOffset, radix: 36)
            state.entries.append(Entry(
                offset: offset, rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets, data: data, at: now
            ))
            var first = max(state.start, state.entries.count - capacity)
            while first < state.entries.count, now - state.entries[first].at > window { first += 1 }
            state.forget(upTo: first)
            return data + [.string(offset)]
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
                  let index = state.entries[state.start...].firstIndex(where: { $0.offset == offset })
            else { return nil }
            let missed = state.entries[(index + 1)...]
                .filter { $0.reaches(socketID: saved.socketID, rooms: saved.rooms) }
                .map { $0.data + [.string($0.offset)] }
            return Restored(socketID: saved.socketID, rooms: saved.rooms, missed: missed)
        }
    }
}
