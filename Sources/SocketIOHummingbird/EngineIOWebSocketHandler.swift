import EngineIOServer
import NIOCore
import NIOWebSocket

/// Feeds the frames of one upgraded connection to its Engine.IO session and answers control frames.
final class EngineIOWebSocketHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let server: EngineIOServer
    private let handshake: EngineIOHandshake
    private let writer: WebSocketBatchWriter
    private var connection: EngineIOWebSocketConnection?
    private var isClosing = false

    /// `writer` is the batch writer at the head end of the same pipeline.
    init(server: EngineIOServer, handshake: EngineIOHandshake, writer: WebSocketBatchWriter) {
        self.server = server
        self.handshake = handshake
        self.writer = writer
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let socket = NIOEngineIOWebSocket(
            channel: context.channel, writer: NIOLoopBound(writer, eventLoop: context.eventLoop),
            maxBufferedBytes: server.configuration.maxBufferedBytes
        )
        connection = server.webSocketOpened(socket, handshake: handshake)
        if connection == nil { socket.close() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            connection?.received(.text(String(buffer: frame.unmaskedData)))
        case .binary:
            connection?.received(.binary(Array(buffer: frame.unmaskedData)))
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            guard !isClosing else { return }
            isClosing = true
            var reason = context.channel.allocator.buffer(capacity: 2)
            reason.write(webSocketErrorCode: .normalClosure)
            let reply = WebSocketFrame(fin: true, opcode: .connectionClose, data: reason)
            context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { [channel = context.channel] _ in
                channel.close(promise: nil)
            }
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection?.closed()
        connection = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
