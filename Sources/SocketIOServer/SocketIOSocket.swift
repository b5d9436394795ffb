import EngineIOServer
import Foundation
import Synchronization

/// One client's connection to one namespace: its event handlers, rooms and acknowledgements.
public final class SocketIOSocket: Sendable {
    public typealias EventHandler = @Sendable (SocketIOSocket, SocketIOEvent) async -> Void
    public typealias DisconnectHandler = @Sendable (SocketIOSocket, String) async -> Void

    public let id: String
    /// The private id a client presents to recover this socket after a dropped connection.
    let pid: String?
    public let namespace: SocketIONamespace
    public let handshake: SocketIOHandshake
    /// What the namespace's middleware attached, such as the signed-in user.
    public let context: (any Sendable)?
    let session: EngineIOSession

    private struct State {
        var handlers: [String: EventHandler] = [:]
        var disconnectHandlers: [DisconnectHandler] = []
        var nextAckID = 0
        var pendingAcks: [Int: CheckedContinuation<[JSONValue], any Error>] = [:]
        var isConnected = true
    }

    private let state = Mutex(State())
    private let ackTimeout: Duration

    init(
        id: String, pid: String?, namespace: SocketIONamespace, handshake: SocketIOHandshake, context: (any Sendable)?,
        session: EngineIOSession, ackTimeout: Duration
    ) {
        self.id = id
        self.pid = pid
        self.namespace = namespace
        self.handshake = handshake
        self.context = context
        self.session = session
        self.ackTimeout = ackTimeout
    }

    public var isConnected: Bool { state.withLock { $0.isConnected } }

    // MARK: - Handlers

    /// Handles the client's `event`; events of one client are handled one after another.
    public func on(_ event: String, _ handler: @escaping EventHandler) {
        state.withLock { $0.handlers[event] = handler }
    }

    public func onDisconnect(_ handler: @escaping DisconnectHandler) {
        state.withLock { $0.disconnectHandlers.append(handler) }
    }

    // MARK: - Emitting

    public func emit(_ event: String, _ arguments: [JSONValue] = []) {
        send(SocketIOPacket(.event, namespace: namespace.name, data: .array([.string(event)] + arguments)))
    }

    /// Emits and waits for the client's acknowledgement, or throws `SocketIOAckTimeout`.
    public func emitWithAck(_ event: String, _ arguments: [JSONValue] = []) async throws -> [JSONValue] {
        let id = state.withLock { state -> Int in
            defer { state.nextAckID += 1 }
            return state.nextAckID
        }
        return try await withThrowingTaskGroup(of: [JSONValue].self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    self.state.withLock { $0.pendingAcks[id] = continuation }
                    self.send(SocketIOPacket(.event, namespace: self.namespace.name, data: .array([.string(event)] + arguments), id: id))
                }
            }
            group.addTask {
                try await Task.sleep(for: self.ackTimeout)
                self.failAck(id, with: SocketIOAckTimeout())
                throw SocketIOAckTimeout()
            }
            defer { group.cancelAll() }
            return try await group.next() ?? []
        }
    }

    /// Waits until the broadcasts this server made so far have gone out to its sockets; at once
    /// for a server alone, whose broadcasts go out as they are made. Call it before acknowledging
    /// an event whose handler broadcast, so that the client hears the broadcast first.
    public func flushBroadcasts(timeout: Duration = .seconds(2)) async {
        await namespace.cluster?.flush(timeout: timeout)
    }

    /// Everyone in the namespace but this socket.
    public var broadcast: SocketIOBroadcast {
        SocketIOBroadcast(namespace: namespace, excludedSockets: [id])
    }

    // MARK: - Rooms

    public func join(_ room: String) {
        namespace.join(self, room: room)
    }

    public func leave(_ room: String) {
        namespace.leave(self, room: room)
    }

    public var rooms: Set<String> {
        namespace.rooms(of: self)
    }

    /// Ends this namespace connection from the server side.
    public func disconnect() {
        send(SocketIOPacket(.disconnect, namespace: namespace.name))
        namespace.remove(self)
        markDisconnected()
    }

    // MARK: - Internal

    func send(_ packet: SocketIOPacket) {
        session.send(SocketIOBroadcast.frames(of: packet))
    }

    func dispatch(_ event: SocketIOEvent) async {
        let handler = state.withLock { $0.handlers[event.name] } ?? namespace.eventHandler(event.name)
        await handler?(self, event)
    }

    func resolveAck(_ id: Int, arguments: [JSONValue]) {
        let continuation = state.withLock { $0.pendingAcks.removeValue(forKey: id) }
        continuation?.resume(returning: arguments)
    }

    private func failAck(_ id: Int, with error: any Error) {
        let continuation = state.withLock { $0.pendingAcks.removeValue(forKey: id) }
        continuation?.resume(throwing: error)
    }

    /// Marks the socket gone and returns the handlers to run (its own, then the namespace's), once.
    @discardableResult
    func markDisconnected() -> [DisconnectHandler] {
        let (handlers, acks) = state.withLock { state -> ([DisconnectHandler]?, [CheckedContinuation<[JSONValue], any Error>]) in
            guard state.isConnected else { return (nil, []) }
            state.isConnected = false
            defer { state.pendingAcks = [:] }
            return (state.disconnectHandlers, Array(state.pendingAcks.values))
        }
        for ack in acks { ack.resume(throwing: SocketIOAckTimeout()) }
        guard let handlers else { return [] }
        return handlers + namespace.disconnectHandlers
    }

    /// Reasons after which a client may recover its socket, as in the reference server.
    static let recoverableReasons: Set<String> = ["transport error", "transport close", "forced close", "ping timeout", "server shutting down"]

    func disconnected(reason: String) async {
        if let pid {
            let recoverable = Self.recoverableReasons.contains(reason)
            if recoverable { namespace.recovery?.save(pid: pid, socketID: id, rooms: rooms, context: context) }
            if !recoverable { namespace.cluster?.endSession(pid: pid) }
        }
        namespace.remove(self)
        for handler in markDisconnected() {
            await handler(self, reason)
        }
    }
}

/// The client did not acknowledge in time (or went away).
public struct SocketIOAckTimeout: Error, Sendable {}
