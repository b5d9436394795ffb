import EngineIOServer
import DequeModule
import Synchronization

/// A namespace: its connect middleware, connection handler, event handlers shared by its sockets,
/// sockets and rooms.
public final class SocketIONamespace: Sendable {
    /// Decides whether a client may connect; returns what to attach to the socket, or throws `SocketIOConnectError`.
    public typealias Middleware = @Sendable (SocketIOHandshake) async throws -> (any Sendable)?
    public typealias ConnectionHandler = @Sendable (SocketIOSocket) async -> Void

    public let name: String
    /// Set when connection-state recovery is on and this server is alone.
    let recovery: RecoveryLog?
    /// Set when servers share the namespace's clients: broadcasts go through it.
    let cluster: (any SocketIOClusterAdapter)?
    /// Whether sockets get a private id to recover their session with.
    let recovers: Bool

    private struct State {
        var middleware: Middleware?
        var connectionHandler: ConnectionHandler?
        var eventHandlers: [String: SocketIOSocket.EventHandler] = [:]
        var disconnectHandlers: [SocketIOSocket.DisconnectHandler] = []
        var sockets: [String: SocketIOSocket] = [:]
        /// Each room's sockets by id, so a broadcast finds its audience without a second lookup.
        var members: [String: [String: SocketIOSocket]] = [:]
        var roomsBySocket: [String: Set<String>] = [:]
    }

    private let state = Mutex(State())
    /// The broadcasts the cluster delivered lately, newest last, for sockets resuming while they came.
    private let recentDeliveries = Mutex(Deque<SocketIOClusterDelivery>())
    /// How many delivered broadcasts stay in `recentDeliveries`.
    static let recentDeliveryCount = 4096

    init(name: String, recovery: RecoveryLog?, cluster: (any SocketIOClusterAdapter)? = nil, recovers: Bool) {
        self.name = name
        self.recovery = recovery
        self.cluster = cluster
        self.recovers = recovers
    }

    public func use(_ middleware: @escaping Middleware) {
        state.withLock { $0.middleware = middleware }
    }

    public func onConnection(_ handler: @escaping ConnectionHandler) {
        state.withLock { $0.connectionHandler = handler }
    }

    /// Handles `event` for every socket of the namespace (a socket's own handler, if any, comes first).
    /// One handler for all sockets costs no memory per connection.
    public func on(_ event: String, _ handler: @escaping SocketIOSocket.EventHandler) {
        state.withLock { $0.eventHandlers[event] = handler }
    }

    /// Runs when any socket of the namespace disconnects, after the socket's own handlers.
    public func onDisconnect(_ handler: @escaping SocketIOSocket.DisconnectHandler) {
        state.withLock { $0.disconnectHandlers.append(handler) }
    }

    public func to(_ room: String) -> SocketIOBroadcast {
        SocketIOBroadcast(namespace: self, rooms: [room])
    }

    public func except(_ room: String) -> SocketIOBroadcast {
        SocketIOBroadcast(namespace: self, excludedRooms: [room])
    }

    public func emit(_ event: String, _ arguments: [JSONValue] = []) {
        SocketIOBroadcast(namespace: self).emit(event, arguments)
    }

    public var socketCount: Int { state.withLock { $0.sockets.count } }

    /// The sockets in any of `rooms` (or all when empty), except those in `exceptRooms` or listed.
    public func sockets(inRooms rooms: Set<String> = [], exceptRooms: Set<String> = [], exceptSockets: Set<String> = []) -> [SocketIOSocket] {
        state.withLock { state in
            let excluded = exceptRooms.compactMap { state.members[$0] }
            func admits(_ id: String) -> Bool {
                (exceptSockets.isEmpty || !exceptSockets.contains(id)) && !excluded.contains { $0[id] != nil }
            }
            if rooms.isEmpty {
                return state.sockets.compactMap { admits($0.key) ? $0.value : nil }
            }
            if rooms.count == 1, let room = rooms.first {
                return (state.members[room] ?? [:]).compactMap { admits($0.key) ? $0.value : nil }
            }
            var seen: Set<ObjectIdentifier> = []
            var sockets: [SocketIOSocket] = []
            for room in rooms {
                for (id, socket) in state.members[room] ?? [:] where admits(id) && seen.insert(ObjectIdentifier(socket)).inserted {
                    sockets.append(socket)
                }
            }
            return sockets
        }
    }

    /// Sends a broadcast the cluster delivered to this server's sockets in its audience.
    func deliver(_ delivery: SocketIOClusterDelivery) {
        let broadcast = delivery.broadcast
        let frames = frames(of: delivery)
        recentDeliveries.withLock { recent in
            recent.append(delivery)
            if recent.count > Self.recentDeliveryCount { recent.removeFirst() }
            for socket in sockets(inRooms: broadcast.rooms, exceptRooms: broadcast.excludedRooms, exceptSockets: broadcast.excludedSockets) {
                socket.session.send(frames)
            }
        }
    }

    /// Puts a socket the cluster restored back in its rooms and sends what it missed: the broadcasts
    /// the cluster kept after `offset`, then those this server delivered since that the cluster's
    /// answer did not hold yet (none is delivered meanwhile). Cluster offsets are growing numbers.
    func resume(_ socket: SocketIOSocket, session: SocketIOClusterSession, after offset: String) {
        recentDeliveries.withLock { recent in
            for room in session.rooms { join(socket, room: room) }
            let known = session.missed.last.flatMap { Int64($0.offset) } ?? Int64(offset) ?? .max
            let later = recent.filter { delivery in
                (Int64(delivery.offset) ?? .min) > known && delivery.broadcast.reaches(socketID: socket.id, rooms: session.rooms)
            }
            for delivery in session.missed where delivery.broadcast.namespace == name {
                socket.session.send(frames(of: delivery))
            }
            for delivery in later {
                socket.session.send(frames(of: delivery))
            }
        }
    }

    private func frames(of delivery: SocketIOClusterDelivery) -> [EngineIOPacket.Payload] {
        let data = recovers ? delivery.broadcast.data + [.string(delivery.offset)] : delivery.broadcast.data
        return SocketIOBroadcast.frames(of: SocketIOPacket(.event, namespace: name, data: .array(data)))
    }

    // MARK: - Internal

    var middleware: Middleware? { state.withLock { $0.middleware } }
    var connectionHandler: ConnectionHandler? { state.withLock { $0.connectionHandler } }
    var disconnectHandlers: [SocketIOSocket.DisconnectHandler] { state.withLock { $0.disconnectHandlers } }

    func eventHandler(_ event: String) -> SocketIOSocket.EventHandler? {
        state.withLock { $0.eventHandlers[event] }
    }

    /// Adds a socket; every socket is in the room named after its id.
    func add(_ socket: SocketIOSocket) {
        state.withLock { $0.sockets[socket.id] = socket }
        join(socket, room: socket.id)
    }

    func remove(_ socket: SocketIOSocket) {
        state.withLock { state in
            state.sockets[socket.id] = nil
            for room in state.roomsBySocket.removeValue(forKey: socket.id) ?? [] {
                state.members[room]?[socket.id] = nil
                if state.members[room]?.isEmpty == true { state.members[room] = nil }
            }
        }
    }

    func join(_ socket: SocketIOSocket, room: String) {
        let rooms = state.withLock { state -> Set<String>? in
            guard state.sockets[socket.id] != nil else { return nil }
            state.members[room, default: [:]][socket.id] = socket
            let joined = state.roomsBySocket[socket.id, default: []].insert(room).inserted
            return joined && savesSessions(of: socket) ? state.roomsBySocket[socket.id] : nil
        }
        if let rooms { saveSession(of: socket, rooms: rooms) }
    }

    func leave(_ socket: SocketIOSocket, room: String) {
        let rooms = state.withLock { state -> Set<String>? in
            state.members[room]?[socket.id] = nil
            if state.members[room]?.isEmpty == true { state.members[room] = nil }
            let left = state.roomsBySocket[socket.id]?.remove(room) != nil
            return left && savesSessions(of: socket) ? state.roomsBySocket[socket.id] : nil
        }
        if let rooms { saveSession(of: socket, rooms: rooms) }
    }

    /// Whether the cluster keeps this socket's rooms (a server alone copies nothing on a join).
    private func savesSessions(of socket: SocketIOSocket) -> Bool {
        cluster != nil && socket.pid != nil
    }

    /// Keeps the cluster's copy of a socket's rooms current, so that any server can restore it.
    private func saveSession(of socket: SocketIOSocket, rooms: Set<String>) {
        guard let cluster, let pid = socket.pid else { return }
        cluster.saveSession(pid: pid, socketID: socket.id, rooms: rooms, context: socket.context)
    }

    func rooms(of socket: SocketIOSocket) -> Set<String> {
        state.withLock { $0.roomsBySocket[socket.id] ?? [] }
    }
}
