import EngineIOServer
import NIOCore
import NIOWebSocket
import Synchronization

/// An Engine.IO WebSocket over a NIO channel; a client that stops reading is disconnected once
/// `maxBufferedBytes` are waiting for it.
///
/// Messages are framed into one buffer and written by a task on the channel's event loop, never by
/// the caller: the caller may hold its session's lock, and a write can close the channel and call
/// back into the session. Messages queued before that task runs go out in one write and one flush.
final class NIOEngineIOWebSocket: EngineIOWebSocket {
    private struct Outbox {
        var frames: ByteBuffer?
        var isScheduled = false
    }

    private let channel: any Channel
    private let writer: NIOLoopBound<WebSocketBatchWriter>
    private let maxBufferedBytes: Int
    private let bufferedBytes = Atomic<Int>(0)
    private let outbox = Mutex(Outbox())

    init(channel: any Channel, writer: NIOLoopBound<WebSocketBatchWriter>, maxBufferedBytes: Int) {
        self.channel = channel
        self.writer = writer
        self.maxBufferedBytes = maxBufferedBytes
    }

    /// A text frame is the type digit and the text, written straight into the outgoing buffer.
    func send(_ packet: EngineIOPacket) {
        let (opcode, length): (WebSocketOpcode, Int) = switch packet.payload {
        case .text(let text): (.text, 1 + text.utf8.count)
        case nil: (.text, 1)
        case .binary(let bytes): (.binary, bytes.count)
        }
        let size = WebSocketBatchWriter.headerSize(length: length) + length
        guard bufferedBytes.add(size, ordering: .relaxed).newValue <= maxBufferedBytes else {
            let channel = self.channel
            channel.eventLoop.execute { channel.close(promise: nil) }
            return
        }
        let schedules = outbox.withLock { outbox in
            // Taken out of the outbox while appending, so the buffer has one owner and is not copied.
            var frames = outbox.frames ?? channel.allocator.buffer(capacity: max(size, 512))
            outbox.frames = nil
            WebSocketBatchWriter.appendHeader(opcode: opcode, length: length, to: &frames)
            switch packet.payload {
            case .text(let text):
                frames.writeInteger(packet.type.asciiDigit)
                frames.writeString(text)
            case nil: frames.writeInteger(packet.type.asciiDigit)
            case .binary(let bytes): frames.writeBytes(bytes)
            }
            outbox.frames = frames
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

    /// Writes what is queued; the bytes count as buffered until the write completes.
    private func writeQueuedFrames() {
        let frames = outbox.withLock { outbox in
            defer { outbox = Outbox() }
            return outbox.frames
        }
        guard let frames else { return }
        let bytes = frames.readableBytes
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in
            self.bufferedBytes.subtract(bytes, ordering: .relaxed)
        }
        writer.value.writeAndFlush(frames, promise: written)
    }
}
