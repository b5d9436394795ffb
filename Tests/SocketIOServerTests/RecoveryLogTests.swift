import EngineIOServer
@testable import SocketIOServer
import Testing

@Suite struct RecoveryLogTests {
    /// Records a broadcast encoded as `<label>@<offset>` and returns its offset.
    @discardableResult
    func record(
        _ log: RecoveryLog, _ label: String, padding: Int = 0,
        rooms: Set<String> = [], excludedRooms: Set<String> = [], excludedSockets: Set<String> = []
    ) -> String {
        let frames = log.record(rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets) { offset in
            [.text(label + String(repeating: " ", count: padding) + "@" + offset)]
        }
        guard case .text(let text)? = frames.first, let at = text.firstIndex(of: "@") else { return "" }
        return String(text[text.index(after: at)...])
    }

    func labels(_ restored: RecoveryLog.Restored?) -> [String]? {
        restored?.missed.map { frames in
            guard case .text(let text)? = frames.first else { return "" }
            return String(text.prefix { $0 != "@" && $0 != " " })
        }
    }

    @Test func keepsOnlyTheNewestEntriesWithinItsByteBudget() {
        // Each entry holds a little over 1,000 bytes of frame plus its bookkeeping: five fit.
        let log = RecoveryLog(window: .seconds(60), maxBytes: 5 * (RecoveryLog.Entry.overhead + 1_100))
        let offsets = (0..<25).map { record(log, String($0), padding: 1_000) }
        #expect(Set(offsets).count == 25)
        log.save(pid: "p", socketID: "s", rooms: [], context: nil)
        #expect(log.restore(pid: "p", offset: offsets[19], context: nil) == nil)
        log.save(pid: "p", socketID: "s", rooms: [], context: nil)
        #expect(labels(log.restore(pid: "p", offset: offsets[20], context: nil)) == ["21", "22", "23", "24"])
    }

    @Test func refusesOffsetsItDidNotHandOut() {
        let log = RecoveryLog(window: .seconds(60), maxBytes: 1 << 20)
        let offset = record(log, "a")
        record(log, "b")
        let epoch = offset.prefix { $0 != "-" }
        for unknown in ["", "-1", "zz-1", epoch + "-", epoch + "-0", epoch + "-zz", epoch + "-1x", "other" + offset] {
            log.save(pid: "p", socketID: "s", rooms: [], context: nil)
            #expect(log.restore(pid: "p", offset: String(unknown), context: nil) == nil, "offset \(unknown)")
        }
        log.save(pid: "p", socketID: "s", rooms: [], context: nil)
        #expect(labels(log.restore(pid: "p", offset: offset, context: nil)) == ["b"])
    }

    @Test func replaysOnlyWhatReachedTheSocket() {
        let log = RecoveryLog(window: .seconds(60), maxBytes: 1 << 20)
        let start = record(log, "a")
        record(log, "room", rooms: ["r"])
        record(log, "other", rooms: ["x"])
        record(log, "not me", rooms: ["r"], excludedSockets: ["s"])
        record(log, "muted", excludedRooms: ["r"])
        log.save(pid: "p", socketID: "s", rooms: ["r"], context: "alice")
        #expect(log.restore(pid: "p", offset: start, context: "bob") == nil)
        log.save(pid: "p", socketID: "s", rooms: ["r"], context: "alice")
        #expect(labels(log.restore(pid: "p", offset: start, context: "alice")) == ["room"])
    }
}
