import DequeModule
import EngineIOServer
import Synchronization

/// What connection-state recovery remembers for one namespace: recent broadcasts with their offsets,
/// and the sessions of dropped sockets, both forgotten after the recovery window. The broadcasts
/// also leave, oldest first, when they would take more than `maxBytes`, so a burst of traffic
/// cannot grow memory without bound.
final class RecoveryLog: Sendable {
    /// A broadcast as it went out (its offset inside) and its audience. A class, so
    /// that looking at the oldest entry and dropping it moves one reference, not five.
    final class Entry: Sendable {
        /// The number in the entry's offset; consecutive entries have consecutive numbers.
        let sequence: UInt64
        let rooms: Set<String>
        let excludedRooms: Set<String>
        let excludedSockets: Set<String>
        let frames: [EngineIOPacket.Payload]
        let at: ContinuousClock.Instant
        /// What the entry holds, roughly: its frames and the bookkeeping around them.
        let byteCount: Int

        init(
            sequence: UInt64, rooms: Set<String>, excludedRooms: Set<String>, excludedSockets: Set<String>,
            frames: [EngineIOPacket.Payload], at: ContinuousClock.Instant
        ) {
            self.sequence = sequence
            self.rooms = rooms
            self.excludedRooms = excludedRooms
            self.excludedSockets = excludedSockets
            self.frames = frames
            self.at = at
            self.byteCount = Entry.overhead + frames.reduce(0) { total, frame in
                switch frame {
                case .text(let text): total + text.utf8.count
                case .binary(let bytes): total + bytes.count
                }
            }
        }

        /// The entry object, its sets and the frames' containers, in bytes.
        static let overhead = 256

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
        var byteCount = 0
        var saved: [String: Saved] = [:]
        /// Expired sessions are swept when `saved` reaches this size, so a burst of disconnects stays linear.
        var savedSweepThreshold = 1024
        var nextSequence: UInt64 = 1
    }

    private let window: Duration
    private let maxBytes: Int
    private let state = Mutex(State())
    /// Offsets are `<epoch>-<sequence in base 36>`; the epoch makes them unique across restarts of the process.
    private let epochPrefix = String(UInt64.random(in: 0...UInt64.max), radix: 36) + "-"

    init(window: Duration, maxBytes: Int) {
        self.window = window
        self.maxBytes = maxBytes
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
            let sequence = state.nextSequence
            state.nextSequence += 1
            let frames = encode(epochPrefix + String(sequence, radix: 36))
            let entry = Entry(
                sequence: sequence, rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets, frames: frames, at: now
            )
            state.entries.append(entry)
            state.byteCount += entry.byteCount
            while let oldest = state.entries.first, state.byteCount > maxBytes || now - oldest.at > window {
                state.byteCount -= oldest.byteCount
                state.entries.removeFirst()
            }
            return frames
        }
    }

    /// Where the entry with `offset` is: sequences are consecutive, so it is found by subtraction.
    private func index(of offset: String, in entries: Deque<Entry>) -> Int? {
        guard offset.hasPrefix(epochPrefix), let sequence = UInt64(offset.dropFirst(epochPrefix.count), radix: 36),
              let first = entries.first?.sequence, sequence >= first, sequence - first < UInt64(entries.count)
        else { return nil }
        return Int(sequence - first)
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
                  let index = index(of: offset, in: state.entries)
            else { return nil }
            let missed = state.entries[(index + 1)...]
                .filter { $0.reaches(socketID: saved.socketID, rooms: saved.rooms) }
                .map(\.frames)
            return Restored(socketID: saved.socketID, rooms: saved.rooms, missed: missed)
        }
    }
}
