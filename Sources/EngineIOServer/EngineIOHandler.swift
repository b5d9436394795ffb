/// Receives what happens on an Engine.IO server's sessions (the Socket.IO layer, or an echo server).
public protocol EngineIOHandler: Sendable {
    func sessionOpened(_ session: EngineIOSession)
    func session(_ session: EngineIOSession, received payload: EngineIOPacket.Payload)
    func sessionClosed(_ session: EngineIOSession, reason: EngineIOCloseReason)
}
