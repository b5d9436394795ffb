import NIOCore

/// Closes a connection that has not sent a byte when the server starts shutting down.
///
/// Until a request arrives, nothing downstream can tell whether the connection will be HTTP or a
/// WebSocket, so nothing else answers the quiesce event; browsers open such spare connections ahead
/// of need, and without this a graceful shutdown would wait for them forever. The handler removes
/// itself with the first bytes, after which the HTTP or WebSocket handlers take care of shutdown.
final class CloseIfIdleOnQuiesce: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
