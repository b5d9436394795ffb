import EngineIOServer

/// The Engine.IO test suite's server behaviour: every message goes back to its sender.
struct EchoHandler: EngineIOHandler {
    func sessionOpened(_ session: EngineIOSession) {}

    func session(_ session: EngineIOSession, received payload: EngineIOPacket.Payload) {
        session.send(payload)
    }

    func sessionClosed(_ session: EngineIOSession, reason: EngineIOCloseReason) {}
}
