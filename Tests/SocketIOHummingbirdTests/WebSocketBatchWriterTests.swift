import NIOCore
import NIOEmbedded
import NIOWebSocket
@testable import SocketIOHummingbird
import Testing

@Suite struct WebSocketBatchWriterTests {
    /// Frames of every length class written into one buffer read back, in order, through NIO's own decoder.
    @Test func framesReadBackThroughNIOsDecoder() throws {
        let lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]
        var buffer = ByteBufferAllocator().buffer(capacity: 0)
        for (index, length) in lengths.enumerated() {
            WebSocketBatchWriter.appendHeader(opcode: index.isMultiple(of: 2) ? .text : .binary, length: length, to: &buffer)
            buffer.writeRepeatingByte(UInt8(index), count: length)
        }
        #expect(buffer.readableBytes == lengths.reduce(0) { $0 + $1 + WebSocketBatchWriter.headerSize(length: $1) })

        let channel = EmbeddedChannel(handler: ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 20)))
        try channel.writeInbound(buffer)
        for (index, length) in lengths.enumerated() {
            let frame = try #require(try channel.readInbound(as: WebSocketFrame.self))
            #expect(frame.fin)
            #expect(frame.opcode == (index.isMultiple(of: 2) ? .text : .binary))
            #expect(frame.maskKey == nil)
            #expect(frame.data == ByteBuffer(repeating: UInt8(index), count: length))
        }
        #expect(try channel.readInbound(as: WebSocketFrame.self) == nil)
        _ = try channel.finish()
    }
}
