import EngineIOServer

/// Emits to the sockets of a namespace in some rooms (or all), minus excluded rooms and sockets.
/// The packet is encoded once, whatever the number of receivers.
public struct SocketIOBroadcast: Sendable {
    let namespace: SocketIONamespace
    var rooms: Set<String> = []
    var excludedRooms: Set<String> = []
    var excludedSockets: Set<String> = []

    public func to(_ room: String) -> SocketIOBroadcast {
        var copy = self
        copy.rooms.insert(room)
        return copy
    }

    public func except(_ room: String) -> SocketIOBroadcast {
        var copy = self
        copy.excludedRooms.insert(room)
        return copy
    }

    /// Leaves one socket out, as `socket.to(room)` does for the sender.
    public func exceptSocket(_ id: String) -> SocketIOBroadcast {
        var copy = self
        copy.excludedSockets.insert(id)
        return copy
    }

    public func emit(_ event: String, _ arguments: [JSONValue] = []) {
        var data = [JSONValue.string(event)] + arguments
        if let recovery = namespace.recovery {
            data = recovery.record(data, rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets)
        }
        let frames = Self.frames(of: SocketIOPacket(.event, namespace: namespace.name, data: .array(data)))
        for socket in namespace.sockets(inRooms: rooms, exceptRooms: excludedRooms, exceptSockets: excludedSockets) {
            socket.session.send(frames)
        }
    }

    /// A packet as Engine.IO messages: its text, then one binary message per attachment.
    static func frames(of packet: SocketIOPacket) -> [EngineIOPacket.Payload] {
        let encoded = SocketIOPacketEncoder.encode(packet)
        return [.text(encoded.text)] + encoded.attachments.map { .binary($0) }
    }
}
