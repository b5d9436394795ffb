import Foundation
import ServiceLifecycle
import Synchronization

/// One Engine.IO client: its transport (polling, or a WebSocket after upgrade), outbound buffer and heartbeat.
///
/// All state sits behind one lock; handler callbacks run after the lock is released.
public final class EngineIOSession: Sendable {
    public let id: String
    public let handshake: EngineIOHandshake

    private enum Transport {
        case polling
        case webSocket(any EngineIOWebSocket)
    }

    private struct State {
        var transport: Transport
        /// A WebSocket that sent its probe and has yet to send `upgrade`.
        var probe: (any EngineIOWebSocket)?
        var probeDeadline: ContinuousClock.Instant?
        var buffer: [EngineIOPacket] = []
        var bufferedBytes = 0
        var pendingPoll: CheckedContinuation<[EngineIOPacket], Never>?
        var heartbeat: HeartbeatStateMachine<ContinuousClock.Instant>
        var isClosed = false
        /// The server is shutting down: polls are answered with `close` at once.
        var isShuttingDown = false
        /// A WebSocket answered the probe: polling is over, polls are answered with `noop` at once.
        var isUpgrading = false
    }

    private let state: Mutex<State>
    private let configuration: EngineIOConfiguration
    private let handler: any EngineIOHandler
    private let removeFromServer: @Sendable (String) -> Void

    init(
        id: String, handshake: EngineIOHandshake, webSocket: (any EngineIOWebSocket)?,
        configuration: EngineIOConfiguration, handler: any EngineIOHandler,
        removeFromServer: @escaping @Sendable (String) -> Void
    ) {
        self.id = id
        self.handshake = handshake
        self.configuration = configuration
        self.handler = handler
        self.removeFromServer = removeFromServer
        let heartbeat = HeartbeatStateMachine(
            pingInterval: configuration.pingInterval, pingTimeout: configuration.pingTimeout, now: ContinuousClock.now
        )
        self.state = Mutex(State(transport: webSocket.map { .webSocket($0) } ?? .polling, heartbeat: heartbeat))
    }

    /// The `open` packet's payload.
    func openPacket(upgrades: [String]) -> EngineIOPacket {
        func milliseconds(_ duration: Duration) -> Int64 {
            duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        }
        let upgradeList = upgrades.map { "\"\($0)\"" }.joined(separator: ",")
        return EngineIOPacket(.open, .text(
            #"{"sid":"\#(id)","upgrades":[\#(upgradeList)],"pingInterval":\#(milliseconds(configuration.pingInterval)),"#
                + #""pingTimeout":\#(milliseconds(configuration.pingTimeout)),"maxPayload":\#(configuration.maxPayload)}"#
        ))
    }

    public var isClosed: Bool { state.withLock { $0.isClosed } }

    /// Whether a long-polling GET is waiting for packets.
    var hasPendingPoll: Bool { state.withLock { $0.pendingPoll != nil } }

    /// Sends a message; text and bytes are both allowed.
    public func send(_ payload: EngineIOPacket.Payload) {
        enqueue([EngineIOPacket(.message, payload)])
    }

    /// Sends several messages in order, in one write where the transport allows.
    public func send(_ payloads: [EngineIOPacket.Payload]) {
        enqueue(payloads.map { EngineIOPacket(.message, $0) })
    }

    /// Ends the session from the server side; the client is told with a `close` packet.
    public func close() {
        enqueue([EngineIOPacket(.close)])
        terminate(.serverClosed)
    }

    // MARK: - Outbound

    private func enqueue(_ packets: [EngineIOPacket]) {
        let overflow = state.withLock { state -> Bool in
            guard !state.isClosed else { return false }
            switch state.transport {
            case .webSocket(let socket):
                for packet in packets { socket.send(packet) }
                return false
            case .polling:
                state.buffer += packets
                state.bufferedBytes += packets.reduce(0) { $0 + Self.size(of: $1) }
                if let poll = state.pendingPoll, state.probe == nil {
                    state.pendingPoll = nil
                    let batch = state.buffer
                    state.buffer = []
                    state.bufferedBytes = 0
                    poll.resume(returning: batch)
                }
                return state.bufferedBytes > configuration.maxBufferedBytes
            }
        }
        if overflow { terminate(.bufferFull) }
    }

    private static func size(of packet: EngineIOPacket) -> Int {
        switch packet.payload {
        case .text(let text): text.utf8.count + 1
        case .binary(let bytes): bytes.count * 4 / 3 + 2
        case nil: 1
        }
    }

    // MARK: - Polling

    /// Answers a long-polling GET once something is buffered.
    func poll() async -> EngineIOHTTPResponse {
        enum Admission { case concurrent, upgraded, wait }
        let admission = state.withLock { state -> Admission in
            if state.pendingPoll != nil { return .concurrent }
            if case .webSocket = state.transport { return .upgraded }
            return .wait
        }
        switch admission {
        case .concurrent:
            terminate(.transportError)
            return .error(.badRequest)
        case .upgraded:
            return .error(.badRequest)
        case .wait:
            let packets = await withGracefulShutdownHandler {
                await waitForPackets()
            } onGracefulShutdown: {
                self.stopPolling()
            }
            return .text(PollingPayload.encode(packets))
        }
    }

    /// Parks the poll until packets are buffered; a cancelled request gets a `noop`.
    private func waitForPackets() async -> [EngineIOPacket] {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: [EngineIOPacket]? = state.withLock { state in
                    if state.isClosed { return [EngineIOPacket(.noop)] }
                    if state.isShuttingDown { return [EngineIOPacket(.close)] }
                    if state.isUpgrading { return [EngineIOPacket(.noop)] }
                    if !state.buffer.isEmpty && state.probe == nil {
                        let batch = state.buffer
                        state.buffer = []
                        state.bufferedBytes = 0
                        return batch
                    }
                    state.pendingPoll = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            releasePendingPoll(with: [EngineIOPacket(.noop)])
        }
    }

    /// Handles a POST body: packets from the client.
    func receive(pollingBody body: [UInt8]) -> EngineIOHTTPResponse {
        guard body.count <= configuration.maxPayload else {
            terminate(.transportError)
            return EngineIOHTTPResponse(status: 413)
        }
        guard state.withLock({ if case .polling = $0.transport { true } else { false } }) else {
            return .error(.badRequest)
        }
        guard let text = String(validating: body, as: UTF8.self), let packets = try? PollingPayload.decode(text) else {
            terminate(.parseError)
            return .error(.badRequest)
        }
        for packet in packets {
            handle(packet, from: nil)
        }
        return .text("ok")
    }

    /// Answers the waiting poll, and every later one, with `close`, so the client reconnects elsewhere
    /// or later; whichever of shutdown and poll comes first, the poll is not left hanging.
    private func stopPolling() {
        let poll = state.withLock { state in
            state.isShuttingDown = true
            defer { state.pendingPoll = nil }
            return state.pendingPoll
        }
        poll?.resume(returning: [EngineIOPacket(.close)])
    }

    private func releasePendingPoll(with packets: [EngineIOPacket]) {
        let poll = state.withLock { state in
            defer { state.pendingPoll = nil }
            return state.pendingPoll
        }
        poll?.resume(returning: packets)
    }

    // MARK: - WebSocket

    /// A WebSocket asking to take over this polling session; false if it may not.
    func beginUpgrade(_ socket: any EngineIOWebSocket) -> Bool {
        state.withLock { state in
            guard !state.isClosed, state.probe == nil, case .polling = state.transport else { return false }
            state.probe = socket
            state.probeDeadline = ContinuousClock.now.advanced(by: configuration.upgradeTimeout)
            return true
        }
    }

    /// A frame from a WebSocket of this session.
    func receive(frame: EngineIOPacket.Payload, from socket: any EngineIOWebSocket) {
        let packet: EngineIOPacket
        switch frame {
        case .binary(let bytes):
            guard bytes.count <= configuration.maxPayload else { return terminate(.transportError) }
            packet = EngineIOPacket(binaryFrame: bytes)
        case .text(let text):
            guard text.utf8.count <= configuration.maxPayload, let decoded = try? EngineIOPacket(text: Substring(text)) else {
                return terminate(.parseError)
            }
            packet = decoded
        }
        handle(packet, from: socket)
    }

    /// A WebSocket of this session went away.
    func webSocketClosed(_ socket: any EngineIOWebSocket) {
        let wasTransport = state.withLock { state -> Bool in
            if let probe = state.probe, probe === socket {
                state.probe = nil
                state.isUpgrading = false
                return false
            }
            if case .webSocket(let current) = state.transport, current === socket { return true }
            return false
        }
        if wasTransport { terminate(.clientClosed) }
    }

    // MARK: - Packets from the client

    private func handle(_ packet: EngineIOPacket, from socket: (any EngineIOWebSocket)?) {
        switch packet.type {
        case .message:
            if let payload = packet.payload { handler.session(self, received: payload) }
        case .pong:
            state.withLock { $0.heartbeat.pongReceived(now: ContinuousClock.now) }
        case .ping where packet.payload == .text("probe"):
            let isProbe = state.withLock { state in
                guard let probe = state.probe, let socket, probe === socket else { return false }
                state.isUpgrading = true
                return true
            }
            guard isProbe, let socket else { return }
            socket.send(EngineIOPacket(.pong, .text("probe")))
            releasePendingPoll(with: [EngineIOPacket(.noop)])
        case .upgrade:
            guard let socket else { return }
            completeUpgrade(to: socket)
        case .close:
            terminate(.clientClosed)
        case .open, .ping, .noop:
            break
        }
    }

    private func completeUpgrade(to socket: any EngineIOWebSocket) {
        state.withLock { state in
            guard let probe = state.probe, probe === socket else { return }
            state.probe = nil
            state.probeDeadline = nil
            state.transport = .webSocket(socket)
            for packet in state.buffer { socket.send(packet) }
            state.buffer = []
            state.bufferedBytes = 0
        }
    }

    // MARK: - Time and ending

    /// Drives the heartbeat and the upgrade timeout; called by the server's timer.
    func tick(now: ContinuousClock.Instant) {
        let (action, staleProbe) = state.withLock { state -> (HeartbeatStateMachine<ContinuousClock.Instant>.Action, (any EngineIOWebSocket)?) in
            var stale: (any EngineIOWebSocket)?
            if let deadline = state.probeDeadline, now >= deadline {
                stale = state.probe
                state.probe = nil
                state.probeDeadline = nil
                state.isUpgrading = false
            }
            return (state.heartbeat.tick(now: now), stale)
        }
        staleProbe?.close()
        switch action {
        case .sendPing: enqueue([EngineIOPacket(.ping)])
        case .timedOut: terminate(.pingTimeout)
        case .none: break
        }
    }

    /// Closes the transport, answers a waiting poll, forgets the session and tells the handler, once.
    func terminate(_ reason: EngineIOCloseReason) {
        let closing = state.withLock { state -> (poll: CheckedContinuation<[EngineIOPacket], Never>?, sockets: [any EngineIOWebSocket], pending: [EngineIOPacket])? in
            guard !state.isClosed else { return nil }
            state.isClosed = true
            state.heartbeat.stop()
            var sockets: [any EngineIOWebSocket] = state.probe.map { [$0] } ?? []
            if case .webSocket(let socket) = state.transport { sockets.append(socket) }
            let poll = state.pendingPoll
            state.pendingPoll = nil
            let pending = state.buffer
            state.buffer = []
            return (poll, sockets, pending)
        }
        guard let closing else { return }
        closing.poll?.resume(returning: closing.pending.isEmpty ? [EngineIOPacket(.noop)] : closing.pending)
        for socket in closing.sockets { socket.close() }
        removeFromServer(id)
        handler.sessionClosed(self, reason: reason)
    }
}
