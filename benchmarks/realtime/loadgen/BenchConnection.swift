import EngineIOServer
import Foundation
import NIOCore
import NIOWebSocket
import SocketIOServer
import Synchronization

/// The receiving side of one Socket.IO client over a WebSocket: connects with a token, joins a
/// ticket, answers pings, and records the latency of the chat messages it receives.
final class BenchConnection: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let token: String
    let ticketId: String
    let joinsTicket: Bool
    let recorder: LatencyRecorder
    let ready: EventLoopPromise<Void>

    init(token: String, ticketId: String, joinsTicket: Bool, recorder: LatencyRecorder, ready: EventLoopPromise<Void>) {
        self.token = token
        self.ticketId = ticketId
        self.joinsTicket = joinsTicket
        self.recorder = recorder
        self.ready = ready
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard frame.opcode == .text else {
            if frame.opcode == .connectionClose { context.close(promise: nil) }
            return
        }
        let text = String(buffer: frame.unmaskedData)
        guard let packet = try? EngineIOPacket(text: Substring(text)) else { return }
        switch packet.type {
        case .open:
            send(SocketIOPacketEncoder.encode(SocketIOPacket(.connect, data: ["token": .string(token)])).text, context: context)
        case .ping:
            write("3", context: context)
        case .message:
            guard case .text(let body)? = packet.payload else { return }
            received(body, context: context)
        default:
            break
        }
    }

    private func received(_ body: String, context: ChannelHandlerContext) {
        if body.hasPrefix("0{") {
            if joinsTicket {
                send(#"20["join_ticket",{"ticketId":"\#(ticketId)"}]"#, context: context)
            } else {
                ready.succeed()
            }
        } else if body.hasPrefix("30") {
            ready.succeed()
        } else if body.hasPrefix(#"2["message_received""#), let stamp = Self.stamp(in: body) {
            recorder.record(sentAt: stamp)
        } else if body.hasPrefix("3") {
            recorder.acknowledged()
        } else if body.hasPrefix("4") {
            ready.fail(BenchError.refused(body))
        }
    }

    private func send(_ socketIOText: String, context: ChannelHandlerContext) {
        write("4" + socketIOText, context: context)
    }

    private func write(_ text: String, context: ChannelHandlerContext) {
        BenchSender.writeFrame(text, channel: context.channel)
    }

    /// The send time in a `"content":"t=<nanoseconds>;"` field, without a full JSON parse.
    static func stamp(in body: String) -> UInt64? {
        guard let start = body.range(of: #""content":"t="#)?.upperBound,
              let end = body[start...].firstIndex(of: ";")
        else { return nil }
        return UInt64(body[start..<end])
    }
}

/// The sending side of one client: chat messages stamped with the monotonic clock, from any thread.
final class BenchSender: Sendable {
    let channel: any Channel
    let ticketId: String
    private let nextAck = Atomic<Int>(1)

    init(channel: any Channel, ticketId: String) {
        self.channel = channel
        self.ticketId = ticketId
    }

    func sendMessage() {
        let ack = nextAck.add(1, ordering: .relaxed).newValue
        let stamp = DispatchTime.now().uptimeNanoseconds
        Self.writeFrame("42\(ack)" + #"["send_message",{"ticketId":"\#(ticketId)","content":"t=\#(stamp);"}]"#, channel: channel)
    }

    static func writeFrame(_ text: String, channel: any Channel) {
        var buffer = channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer), promise: nil)
    }
}

enum BenchError: Error {
    case refused(String)
}
