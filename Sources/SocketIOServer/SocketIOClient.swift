import EngineIOServer
import Synchronization

/// The Socket.IO side of one Engine.IO session: its packet decoder, its sockets per namespace,
/// and the ordered queue of packets waiting to be handled.
final class SocketIOClient: Sendable {
    let session: EngineIOSession
    let packets: AsyncStream<SocketIOPacket>
    private let continuation: AsyncStream<SocketIOPacket>.Continuation
    let openedAt = ContinuousClock.now

    private struct State {
        var decoder = SocketIOPacketDecoder()
        var sockets: [String: SocketIOSocket] = [:]
        var hasConnected = false
        var closeReason = "transport close"
    }

    private let state = Mutex(State())

    init(session: EngineIOSession) {
        self.session = session
        (packets, continuation) = AsyncStream.makeStream(of: SocketIOPacket.self, bufferingPolicy: .bufferingOldest(SocketIOClientLimits.maxQueuedPackets))
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
        if let packet, case .dropped = continuation.yield(packet) {
            session.close()
        }
    }

    func closed(reason: String) {
        state.withLock { $0.closeReason = reason }
        continuation.finish()
    }

    var closeReason: String { state.withLock { $0.closeReason } }

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
