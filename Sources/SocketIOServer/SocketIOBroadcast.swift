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

    /// Sends the event to the audience; with connection-state recovery on, the packet carries its
    /// offset as last argument and is kept for sockets that reconnect. In a cluster, the adapter
    /// publishes it and every server sends it to its own sockets when it is delivered.
    public func emit(_ event: String, _ arguments: [JSONValue] = []) {
        let data = [JSONValue.string(event)] + arguments
        let name = namespace.name
        if let cluster = namespace.cluster {
            return cluster.publish(SocketIOClusterBroadcast(
                namespace: name, rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets, data: data
            ))
        }
        let frames = if let recovery = namespace.recovery {
            recovery.record(rooms: rooms, excludedRooms: excludedRooms, excludedSockets: excludedSockets) { offset in
                Self.frames(of: SocketIOPacket(.event, namespace: name, data: .array(data + [.string(offset)])))
            }
        } else {
            Self.frames(of: SocketIOPacket(.event, namespace: name, data: .array(data)))
        }
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
