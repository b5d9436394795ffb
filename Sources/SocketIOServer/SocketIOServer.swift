import EngineIOServer
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// A Socket.IO v5 server on top of an `EngineIOServer`, whose handler it is.
///
/// As a `Service` it handles each client's packets in order, in a child task only while the client has work (on
/// the executor of the client's connection, when the binding gives one), and closes clients that do not join a
/// namespace within `connectTimeout`.
public final class SocketIOServer: EngineIOHandler, Service {
    public let configuration: SocketIOConfiguration
    private let logger: Logger
    private let namespaces = Mutex<[String: SocketIONamespace]>([:])
    private let clients = Mutex<[String: SocketIOClient]>([:])
    /// Clients with work and no drainer, for `run` to give each a child task.
    private let busyClients: AsyncStream<SocketIOClient>
    private let busyClientsContinuation: AsyncStream<SocketIOClient>.Continuation
    private let cluster: (any SocketIOClusterAdapter)?

    /// A server alone, or — with `cluster` — one of several sharing their clients' broadcasts and sessions.
    public init(configuration: SocketIOConfiguration = SocketIOConfiguration(), cluster: (any SocketIOClusterAdapter)? = nil, logger: Logger) {
        self.configuration = configuration
        self.cluster = cluster
        self.logger = logger

        (busyClients, busyClientsContinuation) = AsyncStream.makeStream(of: SocketIOClient.self)
        cluster?.deliver { [weak self] delivery in
            self?.namespaces.withLock { $0[delivery.broadcast.namespace] }?.deliver(delivery)
        }
    }

    /// The namespace called `name`, created on first use.
    public func of(_ name: String) -> SocketIONamespace {
        namespaces.withLock { namespaces in
            if let existing = namespaces[name] { return existing }
            let recovery = cluster != nil ? nil : configuration.recoveryWindow.map { RecoveryLog(window: $0, maxBytes: configuration.maxRecoveryLogBytes) }
            let namespace = SocketIONamespace(name: name, recovery: recovery, cluster: cluster, recovers: configuration.recoveryWindow != nil)
            namespaces[name] = namespace
            return namespace
        }
    }

    // MARK: - EngineIOHandler

    public func sessionOpened(_ session: EngineIOSession) {
        let client = SocketIOClient(session: session) { [busyClientsContinuation] client in
            busyClientsContinuation.yield(client)
        }
        clients.withLock { $0[session.id] = client }
    }

    public func session(_ session: EngineIOSession, received payload: EngineIOPacket.Payload) {
        clients.withLock { $0[session.id] }?.received(payload)
    }

    public func sessionClosed(_ session: EngineIOSession, reason: EngineIOCloseReason) {
        clients.withLock { $0.removeValue(forKey: session.id) }?.closed(reason: reason.rawValue)
    }

    // MARK: - Service

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.closeClientsThatNeverConnect() }
                for await client in self.busyClients {
                    group.addTask(executorPreference: client.session.handshake.executor) { await self.drain(client) }
                }
            }
        }
    }

    private func closeClientsThatNeverConnect() async {
        let interval = min(configuration.connectTimeout / 4, .seconds(1))
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = ContinuousClock.now
            for client in clients.withLock({ Array($0.values) }) where client.hasTimedOut(now: now, after: configuration.connectTimeout) {
                client.session.close()
            }
        }
    }

    /// Handles a client's queued work in arrival order, until its queue is empty.
    private func drain(_ client: SocketIOClient) async {
        while let work = client.nextWork() {
            switch work {
            case .packet(let packet):
                await handle(packet, from: client)
            case .closed(let reason):
                for socket in client.removeAllSockets() {
                    await socket.disconnected(reason: reason)
                }
            }
        }
    }

    private func handle(_ packet: SocketIOPacket, from client: SocketIOClient) async {
        switch packet.type {
        case .connect:
            await connect(client, to: packet.namespace, auth: packet.data ?? .object([:]))
        case .disconnect:
            await client.removeSocket(in: packet.namespace)?.disconnected(reason: "client namespace disconnect")
        case .event, .binaryEvent:
            guard let socket = client.socket(in: packet.namespace), case .array(let items)? = packet.data,
                  let first = items.first
            else { return }
            let name: String = switch first {
            case .string(let text): text
            default: first.jsonText
            }
            let ack = packet.id.map { id in
                SocketIOAck { arguments in
                    socket.send(SocketIOPacket(.ack, namespace: packet.namespace, data: .array(arguments), id: id))
                }
            }
            await socket.dispatch(SocketIOEvent(name: name, arguments: Array(items.dropFirst()), ack: ack))
        case .ack, .binaryAck:
            guard let id = packet.id, case .array(let items)? = packet.data else { return }
            client.socket(in: packet.namespace)?.resolveAck(id, arguments: items)
        case .connectError:
            client.session.close()
        }
    }

    private func connect(_ client: SocketIOClient, to name: String, auth: JSONValue) async {
        guard let namespace = namespaces.withLock({ $0[name] }) else {
            return client.session.send(SocketIOBroadcast.frames(of: SocketIOPacket(
                .connectError, namespace: name, data: ["message": "Invalid namespace"]
            )))
        }
        guard client.socket(in: name) == nil else { return }
        let handshake = SocketIOHandshake(engine: client.session.handshake, auth: auth)
        let context: (any Sendable)?
        do {
            context = try await namespace.middleware?(handshake) ?? nil
        } catch let error as SocketIOConnectError {
            return client.session.send(SocketIOBroadcast.frames(of: SocketIOPacket(.connectError, namespace: name, data: error.payload)))
        } catch {
            logger.error("Connect middleware failed", metadata: ["namespace": "\(name)", "error": "\(error)"])
            return client.session.send(SocketIOBroadcast.frames(of: SocketIOPacket(
                .connectError, namespace: name, data: ["message": "Internal error"]
            )))
        }
        var restored: RecoveryLog.Restored?
        var resumed: (session: SocketIOClusterSession, offset: String)?
        if namespace.recovers, let pid = auth["pid"]?.stringValue, let offset = auth["offset"]?.stringValue {
            if let cluster = namespace.cluster {
                resumed = await cluster.restoreSession(pid: pid, offset: offset, context: context).map { ($0, offset) }
            } else {
                restored = namespace.recovery?.restore(pid: pid, offset: offset, context: context)
            }
        }
        guard !client.session.isClosed else { return }
        let recovered = restored != nil || resumed != nil
        let pid = namespace.recovers ? (recovered ? auth["pid"]?.stringValue ?? "" : EngineIOServer.makeSessionID()) : nil
        let socket = SocketIOSocket(
            id: restored?.socketID ?? resumed?.session.socketID ?? EngineIOServer.makeSessionID(), pid: pid, namespace: namespace,
            handshake: handshake, context: context, session: client.session, ackTimeout: configuration.ackTimeout
        )
        namespace.add(socket)
        client.add(socket)
        var accepted: JSONObject = ["sid": .string(socket.id)]
        if let pid { accepted["pid"] = .string(pid) }
        socket.send(SocketIOPacket(.connect, namespace: name, data: .object(accepted)))
        if let restored {
            for room in restored.rooms { socket.join(room) }
            for frames in restored.missed {
                client.session.send(frames)
            }
        }
        if let resumed {
            namespace.resume(socket, session: resumed.session, after: resumed.offset)
        }
        await namespace.connectionHandler?(socket)
    }
}
