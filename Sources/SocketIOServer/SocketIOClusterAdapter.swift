/// Carries a namespace's broadcasts between servers that share its clients (behind one load
/// balancer), and keeps the sessions of dropped sockets where any of them can restore them.
///
/// With an adapter, a broadcast is not sent by the server that makes it: it is published, and every
/// server — the one that made it too — sends it to its own sockets when the adapter delivers it,
/// once, in the order all servers see, with its offset for connection-state recovery.
public protocol SocketIOClusterAdapter: Sendable {
    /// Publishes a broadcast to every server, this one included. Returns at once.
    func publish(_ broadcast: SocketIOClusterBroadcast)
    /// Returns once this server has been handed every broadcast it published before the call (or
    /// after `timeout`), so an answer sent next arrives after them, as it would from a server alone.
    func flush(timeout: Duration) async
    /// Sets what to do with every published broadcast: the adapter calls it with each once, in
    /// publication order (the server sends it to its sockets there and then).
    func deliver(to handler: @escaping @Sendable (SocketIOClusterDelivery) -> Void)
    /// Remembers a socket's rooms under its private id, so that it can come back to any server.
    func saveSession(pid: String, socketID: String, rooms: Set<String>, context: (any Sendable)?)
    /// Forgets a socket that left for good.
    func endSession(pid: String)
    /// A saved session for the same `context`, and the broadcasts published after `offset` that
    /// reached its rooms; nil when there is none or the offset is no longer kept.
    func restoreSession(pid: String, offset: String, context: (any Sendable)?) async -> SocketIOClusterSession?
}
