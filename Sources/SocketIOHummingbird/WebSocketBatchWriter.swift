import NIOCore
import NIOWebSocket

/// Sits at the head end of an upgraded channel's pipeline and writes Engine.IO messages that are
/// already framed, several frames to a buffer, straight to the socket: no pass through NIO's frame
/// encoder per frame. Control frames still take the encoder's path and pass through unchanged, in
/// call order with these.
final class WebSocketBatchWriter: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer

    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Writes and flushes framed bytes; call on the channel's event loop.
    func writeAndFlush(_ frames: ByteBuffer, promise: EventLoopPromise<Void>?) {
        guard let context else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        context.writeAndFlush(NIOAny(frames), promise: promise)
    }

    /// Appends the header of a final, unmasked frame (RFC 6455 §5.2) whose `length`-byte payload follows.
    static func appendHeader(opcode: WebSocketOpcode, length: Int, to buffer: inout ByteBuffer) {
        buffer.writeInteger(0x80 | UInt8(webSocketOpcode: opcode))
        switch length {
        case ..<126:
            buffer.writeInteger(UInt8(length))
        case ..<65536:
            buffer.writeInteger(UInt8(126))
            buffer.writeInteger(UInt16(length))
        default:
            buffer.writeInteger(UInt8(127))
            buffer.writeInteger(UInt64(length))
        }
    }

    /// Bytes the header of a `length`-byte frame takes.
    static func headerSize(length: Int) -> Int {
        switch length {
        case ..<126: 2
        case ..<65536: 4
        default: 10
        }
    }
}
