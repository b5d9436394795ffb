/// The server side of one WebSocket, as the binding provides it; sending never blocks.
public protocol EngineIOWebSocket: AnyObject, Sendable {
    func send(_ frame: EngineIOPacket.Payload)
    func close()
}
