import EngineIOServer
import Testing

/// A point in test time, moved only by the test.
struct TestInstant: InstantProtocol {
    var offset: Duration

    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }

    static func at(_ milliseconds: Int) -> TestInstant { TestInstant(offset: .milliseconds(milliseconds)) }
}

@Suite struct HeartbeatStateMachineTests {
    func machine() -> HeartbeatStateMachine<TestInstant> {
        HeartbeatStateMachine(pingInterval: .milliseconds(300), pingTimeout: .milliseconds(200), now: .at(0))
    }

    @Test func pingsAfterTheInterval() {
        var heartbeat = machine()
        #expect(heartbeat.tick(now: .at(299)) == .none)
        #expect(heartbeat.tick(now: .at(300)) == .sendPing)
        #expect(heartbeat.tick(now: .at(301)) == .none)
        #expect(heartbeat.nextDeadline == .at(500))
    }

    @Test func aPongRearmsTheNextPing() {
        var heartbeat = machine()
        _ = heartbeat.tick(now: .at(300))
        heartbeat.pongReceived(now: .at(350))
        #expect(heartbeat.nextDeadline == .at(650))
        #expect(heartbeat.tick(now: .at(600)) == .none)
        #expect(heartbeat.tick(now: .at(650)) == .sendPing)
    }

    @Test func aMissingPongTimesOutOnce() {
        var heartbeat = machine()
        _ = heartbeat.tick(now: .at(300))
        #expect(heartbeat.tick(now: .at(499)) == .none)
        #expect(heartbeat.tick(now: .at(500)) == .timedOut)
        #expect(heartbeat.tick(now: .at(900)) == .none)
        #expect(heartbeat.nextDeadline == nil)
    }

    @Test func anUnaskedPongChangesNothing() {
        var heartbeat = machine()
        heartbeat.pongReceived(now: .at(100))
        #expect(heartbeat.nextDeadline == .at(300))
    }

    @Test func aLateTickStillPingsOnlyOnce() {
        var heartbeat = machine()
        #expect(heartbeat.tick(now: .at(1000)) == .sendPing)
        #expect(heartbeat.tick(now: .at(1100)) == .none)
        #expect(heartbeat.tick(now: .at(1200)) == .timedOut)
    }
}
