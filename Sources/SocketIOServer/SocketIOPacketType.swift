/// The seven Socket.IO packet types.
public enum SocketIOPacketType: Int, Sendable, CaseIterable {
    case connect = 0
    case disconnect = 1
    case event = 2
    case ack = 3
    case connectError = 4
    case binaryEvent = 5
    case binaryAck = 6

    var isBinary: Bool { self == .binaryEvent || self == .binaryAck }
}
