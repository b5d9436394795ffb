import EngineIOServer
import NIOCore
import NIOWebSocket
import Synchronization

/// An Engine.IO WebSocket over a NIO channel; a client that stops reading is disconnected once
/// `maxBufferedBytes` are waiting for it.
///
/// Frames are queued and written by a task on the channel's event loop, never by the caller: the
/// caller may hold its session's lock, and a write can close the channel and call back into the
/// session. Frames queued before that task runs go out together with one flush.
final class NIOEngineIOWebSocket: EngineIOWebSocket {
    private struct Outbox {
        var frames: [WebSocketFrame] = []
        var bytes = 0
        var isScheduled = false
    }

    private let channel: any Channel
    private let maxBufferedBytes: Int
    private let bufferedBytes = Atomic<Int>(0)
    private let outbox = Mutex(Outbox())

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
            let channel = self.channel
            channel.eventLoop.execute { channel.close(promise: nil) }
            return
        }
        let schedules = outbox.withLock { outbox in
            outbox.frames.append(WebSocketFrame(fin: true, opcode: opcode, data: buffer))
            outbox.bytes += size
            defer { outbox.isScheduled = true }
            return !outbox.isScheduled
        }
        if schedules {
            channel.eventLoop.execute { self.writeQueuedFrames() }
        }
    }

    func close() {
        channel.eventLoop.execute {
            self.writeQueuedFrames()
            var reason = self.channel.allocator.buffer(capacity: 2)
            reason.write(webSocketErrorCode: .normalClosure)
            let channel = self.channel
            channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: reason)).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }

    /// Writes what is queued with one flush; the bytes count as buffered until the last write completes.
    private func writeQueuedFrames() {
        let (frames, bytes) = outbox.withLock { outbox in
            defer { outbox = Outbox() }
            return (outbox.frames, outbox.bytes)
        }
        guard let last = frames.last else { return }
        for frame in frames.dropLast() {
            channel.write(frame, promise: nil)
        }
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in
            self.bufferedBytes.subtract(bytes, ordering: .relaxed)
        }
        channel.writeAndFlush(last, promise: written)
    }
}
