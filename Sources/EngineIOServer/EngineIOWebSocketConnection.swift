/// What a binding tells about one accepted WebSocket: its frames and its end.
public struct EngineIOWebSocketConnection: Sendable {
    public let session: EngineIOSession
    let socket: any EngineIOWebSocket

    public func received(_ frame: EngineIOPacket.Payload) {
        session.receive(frame: frame, from: socket)
    }

    public func closed() {
        session.webSocketClosed(socket)
    }
}
