@testable import SocketIOServer
import Testing

@Suite struct RecoveryLogTests {
    func offset(of data: [JSONValue]) -> String { data.last?.stringValue ?? "" }

    @Test func keepsOnlyTheNewestEntriesUpToItsCapacity() {
        let log = RecoveryLog(window: .seconds(60), capacity: 10)
        let offsets = (0..<25).map { offset(of: log.record([.integer(Int64($0))], rooms: [], excludedRooms: [], excludedSockets: [])) }
        log.save(pid: "p", socketID: "s", rooms: [], context: nil)
        #expect(log.restore(pid: "p", offset: offsets[5], context: nil) == nil)
        log.save(pid: "p", socketID: "s", rooms: [], context: nil)
        let restored = log.restore(pid: "p", offset: offsets[20], context: nil)
        #expect(restored?.missed.map { $0.first } == [21, 22, 23, 24])
    }

    @Test func replaysOnlyWhatReachedTheSocket() {
        let log = RecoveryLog(window: .seconds(60), capacity: 100)
        let start = offset(of: log.record(["a"], rooms: [], excludedRooms: [], excludedSockets: []))
        _ = log.record(["room"], rooms: ["r"], excludedRooms: [], excludedSockets: [])
        _ = log.record(["other"], rooms: ["x"], excludedRooms: [], excludedSockets: [])
        _ = log.record(["not me"], rooms: ["r"], excludedRooms: [], excludedSockets: ["s"])
        _ = log.record(["muted"], rooms: [], excludedRooms: ["r"], excludedSockets: [])
        log.save(pid: "p", socketID: "s", rooms: ["r"], context: "alice")
        #expect(log.restore(pid: "p", offset: start, context: "bob") == nil)
        log.save(pid: "p", socketID: "s", rooms: ["r"], context: "alice")
        #expect(log.restore(pid: "p", offset: start, context: "alice")?.missed.map { $0.first } == ["room"])
    }
}
