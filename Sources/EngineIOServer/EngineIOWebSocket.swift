/// The server side of one WebSocket, as the binding provides it; sending never blocks.
public protocol EngineIOWebSocket: AnyObject, Sendable {
    /// Sends the packet as one frame (its `webSocketFrame`).
    func send(_ packet: EngineIOPacket)
    func close()
}
