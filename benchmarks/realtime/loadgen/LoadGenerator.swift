import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// Drives a Socket.IO ticket-chat server: `idle` connects clients and holds them; `rate` sends chat
/// messages at each given rate and prints delivered messages/s and send→receive latency per step;
/// each step is preceded by a warm-up at the same rate whose latencies are not counted.
@main
struct LoadGenerator {
    struct Client: Decodable {
        var token: String
        var ticketId: String
    }

    static func main() async throws {
        let arguments = Dictionary(uniqueKeysWithValues: stride(from: 1, to: CommandLine.arguments.count - 1, by: 2).map {
            (CommandLine.arguments[$0], CommandLine.arguments[$0 + 1])
        })
        guard let url = arguments["--url"].flatMap(URL.init(string:)), let host = url.host, let port = url.port,
              let clientsFile = arguments["--clients"], let mode = arguments["--mode"]
        else {
            FileHandle.standardError.write(Data("usage: realtime-loadgen --url http://host:port --clients FILE --mode idle|rate [--rates 1000,2000] [--seconds 5] [--warmup 1]\n".utf8))
            exit(2)
        }
        let clients = try JSONDecoder().decode([Client].self, from: Data(contentsOf: URL(fileURLWithPath: clientsFile)))
        let recorder = LatencyRecorder()
        let joins = mode == "rate"
        var senders: [BenchSender] = []
        for batch in stride(from: 0, to: clients.count, by: 100) {
            try await withThrowingTaskGroup(of: BenchSender.self) { group in
                for client in clients[batch..<min(batch + 100, clients.count)] {
                    group.addTask {
                        try await connect(host: host, port: port, client: client, joinsTicket: joins, recorder: recorder)
                    }
                }
                for try await sender in group { senders.append(sender) }
            }
        }
        report(["event": "connected", "clients": .number(Double(senders.count))])
        if mode == "idle" {
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        let seconds = Double(arguments["--seconds"] ?? "5") ?? 5
        let warmup = Double(arguments["--warmup"] ?? "1") ?? 1
        for rate in (arguments["--rates"] ?? "1000").split(separator: ",").compactMap({ Double($0) }) {
            if warmup > 0 { _ = try await send(rate: rate, seconds: warmup, senders: senders) }
            try await runStep(rate: rate, seconds: seconds, senders: senders, recorder: recorder)
        }
    }

    static func runStep(rate: Double, seconds: Double, senders: [BenchSender], recorder: LatencyRecorder) async throws {
        _ = recorder.drain()
        let sent = try await send(rate: rate, seconds: seconds, senders: senders)
        try await Task.sleep(for: .milliseconds(500))
        let (latencies, acks) = recorder.drain()
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? .nan : Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1e6
        }
        report([
            "event": "step", "targetRate": .number(rate), "sent": .number(Double(sent)), "acked": .number(Double(acks)),
            "delivered": .number(Double(sorted.count)), "deliveredPerSecond": .number(Double(sorted.count) / seconds),
            "p50Ms": .number(percentile(0.5)), "p99Ms": .number(percentile(0.99)),
        ])
    }

    /// Sends chat messages at `rate` per second for `seconds`, round-robin over the senders; returns how many.
    static func send(rate: Double, seconds: Double, senders: [BenchSender]) async throws -> Int {
        let start = ContinuousClock.now
        var sent = 0
        var next = 0
        while true {
            let elapsed = start.duration(to: .now)
            let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if elapsedSeconds >= seconds { break }
            let due = Int(rate * elapsedSeconds) - sent
            for _ in 0..<max(due, 0) {
                senders[next].sendMessage()
                next = (next + 1) % senders.count
                sent += 1
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        return sent
    }

    static func connect(host: String, port: Int, client: Client, joinsTicket: Bool, recorder: LatencyRecorder) async throws -> BenchSender {
        let group = MultiThreadedEventLoopGroup.singleton
        let ready = group.any().makePromise(of: Void.self)
        let upgraded: EventLoopFuture<(any Channel)?> = try await ClientBootstrap(group: group).connect(host: host, port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                let upgrader = NIOTypedWebSocketClientUpgrader<(any Channel)?>(
                    maxFrameSize: 1 << 20,
                    upgradePipelineHandler: { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(BenchConnection(
                                token: client.token, ticketId: client.ticketId, joinsTicket: joinsTicket, recorder: recorder, ready: ready
                            ))
                            return channel
                        }
                    }
                )
                var headers = HTTPHeaders()
                headers.add(name: "Host", value: "\(host):\(port)")
                headers.add(name: "Content-Length", value: "0")
                let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/socket.io/?EIO=4&transport=websocket", headers: headers)
                let configuration = NIOTypedHTTPClientUpgradeConfiguration<(any Channel)?>(
                    upgradeRequestHead: head, upgraders: [upgrader],
                    notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(nil) }
                )
                var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                pipeline.leftOverBytesStrategy = .forwardBytes  // the open packet may share a read with the 101 answer
                return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
            }
        }
        guard let channel = try await upgraded.get() else { throw BenchError.refused("no WebSocket upgrade") }
        try await ready.futureResult.get()
        return BenchSender(channel: channel, ticketId: client.ticketId)
    }

    static func report(_ fields: [String: ReportValue]) {
        let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value.json)" }.joined(separator: ",")
        FileHandle.standardOutput.write(Data(("{" + body + "}\n").utf8))
    }
}

/// A number or string in a report line.
enum ReportValue: ExpressibleByStringLiteral {
    case number(Double)
    case text(String)

    init(stringLiteral value: String) { self = .text(value) }

    var json: String {
        switch self {
        case .number(let value): value.isFinite ? String(value) : "null"
        case .text(let text): "\"\(text)\""
        }
    }
}
