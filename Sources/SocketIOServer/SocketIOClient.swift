import EngineIOServer
import Synchronization

/// The Socket.IO side of one Engine.IO session: its packet decoder, its sockets per namespace,
/// and the ordered queue of work waiting to be handled.
///
/// A client has no task of its own: when work arrives and nobody is draining its queue, it asks
/// the server (through `schedule`) for one drainer, which runs until the queue is empty.
final class SocketIOClient: Sendable {
    /// One unit of a client's work, handled in arrival order.
    enum Work: Sendable {
        case packet(SocketIOPacket)
        /// The connection ended; disconnect every socket.
        case closed(reason: String)
    }

    let session: EngineIOSession
    let openedAt = ContinuousClock.now
    private let schedule: @Sendable (SocketIOClient) -> Void

    private struct State {
        var decoder = SocketIOPacketDecoder()
        var sockets: [String: SocketIOSocket] = [:]
        var hasConnected = false
        var queue: [Work] = []
        var head = 0
        var isDraining = false
    }

    private let state = Mutex(State())

    init(session: EngineIOSession, schedule: @escaping @Sendable (SocketIOClient) -> Void) {
        self.session = session
        self.schedule = schedule
    }

    /// Queues work; true if the queue overflowed.
    private func enqueue(_ work: Work) -> Bool {
        let (needsDrainer, overflow) = state.withLock { state -> (Bool, Bool) in
            state.queue.append(work)
            let needsDrainer = !state.isDraining
            state.isDraining = true
            return (needsDrainer, state.queue.count - state.head > SocketIOClientLimits.maxQueuedPackets)
        }
        if needsDrainer { schedule(self) }
        return overflow
    }

    /// The next unit of work, or nil (and no drainer any more) when the queue is empty.
    func nextWork() -> Work? {
        state.withLock { state in
            guard state.head < state.queue.count else {
                state.queue = []
                state.head = 0
                state.isDraining = false
                return nil
            }
            defer {
                state.head += 1
                if state.head > 64, state.head * 2 > state.queue.count {
                    state.queue.removeFirst(state.head)
                    state.head = 0
                }
            }
            return state.queue[state.head]
        }
    }

    /// Decodes an Engine.IO message; a protocol violation closes the connection.
    func received(_ payload: EngineIOPacket.Payload) {
        let packet: SocketIOPacket?
        do {
            packet = try state.withLock { state in
                switch payload {
                case .text(let text): try state.decoder.decode(text: text)
                case .binary(let bytes): try state.decoder.decode(attachment: bytes)
                }
            }
        } catch {
            session.close()
            return
        }
        if let packet, enqueue(.packet(packet)) {
            session.close()
        }
    }

    func closed(reason: String) {
        _ = enqueue(.closed(reason: reason))
    }

    /// Whether it should be closed for never joining a namespace in time.
    func hasTimedOut(now: ContinuousClock.Instant, after timeout: Duration) -> Bool {
        state.withLock { !$0.hasConnected } && now - openedAt >= timeout
    }

    func socket(in namespace: String) -> SocketIOSocket? {
        state.withLock { $0.sockets[namespace] }
    }

    func add(_ socket: SocketIOSocket) {
        state.withLock { state in
            state.sockets[socket.namespace.name] = socket
            state.hasConnected = true
        }
    }

    func removeSocket(in namespace: String) -> SocketIOSocket? {
        state.withLock { $0.sockets.removeValue(forKey: namespace) }
    }

    func removeAllSockets() -> [SocketIOSocket] {
        state.withLock { state in
            defer { state.sockets = [:] }
            return Array(state.sockets.values)
        }
    }
}
