import EngineIOServer
import NIOCore
import NIOWebSocket
import Synchronization

/// An Engine.IO WebSocket over a NIO channel; a client that stops reading is disconnected once
/// `maxBufferedBytes` are waiting for it.
final class NIOEngineIOWebSocket: EngineIOWebSocket {
    private let channel: any Channel
    private let maxBufferedBytes: Int
    private let bufferedBytes = Atomic<Int>(0)

    init(channel: any Channel, maxBufferedBytes: Int) {
        self.channel = channel
        self.maxBufferedBytes = maxBufferedBytes
    }

    func send(_ frame: EngineIOPacket.Payload) {
        let opcode: WebSocketOpcode
        var buffer: ByteBuffer
        switch frame {
        case .text(let text):
            opcode = .text
            buffer = channel.allocator.buffer(capacity: text.utf8.count)
            buffer.writeString(text)
        case .binary(let bytes):
            opcode = .binary
            buffer = channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
        }
        let size = buffer.readableBytes
        guard bufferedBytes.add(size, ordering: .relaxed).newValue <= maxBufferedBytes else {
            channel.close(promise: nil)
            return
        }
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in
            self.bufferedBytes.subtract(size, ordering: .relaxed)
        }
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: opcode, data: buffer), promise: written)
    }

    func close() {
        var reason = channel.allocator.buffer(capacity: 2)
        reason.write(webSocketErrorCode: .normalClosure)
        let channel = self.channel
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: reason)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
