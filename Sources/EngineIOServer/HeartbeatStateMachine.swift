/// The server-driven heartbeat: ping every `pingInterval`, expect a pong within `pingTimeout`.
///
/// Pure: the owner feeds it the time and performs the actions it returns.
public struct HeartbeatStateMachine<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration, Instant: Sendable {
    /// What the owner must do now.
    public enum Action: Equatable, Sendable {
        case none
        case sendPing
        /// The client missed its pong: close the session.
        case timedOut
    }

    private enum State: Sendable {
        case waitingToPing(until: Instant)
        case awaitingPong(until: Instant)
        case stopped
    }

    public let pingInterval: Duration
    public let pingTimeout: Duration
    private var state: State

    public init(pingInterval: Duration, pingTimeout: Duration, now: Instant) {
        self.pingInterval = pingInterval
        self.pingTimeout = pingTimeout
        self.state = .waitingToPing(until: now.advanced(by: pingInterval))
    }

    /// When `tick` next has something to do, if ever.
    public var nextDeadline: Instant? {
        switch state {
        case .waitingToPing(let until), .awaitingPong(let until): until
        case .stopped: nil
        }
    }

    public mutating func tick(now: Instant) -> Action {
        switch state {
        case .waitingToPing(let until) where now >= until:
            state = .awaitingPong(until: now.advanced(by: pingTimeout))
            return .sendPing
        case .awaitingPong(let until) where now >= until:
            state = .stopped
            return .timedOut
        default:
            return .none
        }
    }

    /// A pong re-arms the next ping one interval from now; any other pong is ignored.
    public mutating func pongReceived(now: Instant) {
        if case .awaitingPong = state {
            state = .waitingToPing(until: now.advanced(by: pingInterval))
        }
    }

    public mutating func stop() {
        state = .stopped
    }
}
