import EngineIOServer
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket

/// An HTTP/1 connection that either serves the router or, on a WebSocket upgrade to an Engine.IO path,
/// becomes a WebSocket handled by NIO channel handlers.
public struct EngineIOUpgradeChannel: ServerChildChannel, HTTPChannelHandler {
    enum UpgradeResult: Sendable {
        case upgraded
        case notUpgraded(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        case refused(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
    }

    public struct Value: ServerChildChannelValue {
        let upgradeResult: EventLoopFuture<UpgradeResult>
        public let channel: any Channel
    }

    /// Reads start small: requests and Engine.IO frames are mostly short, and each connection keeps
    /// its last read buffer while idle. Reads that fill the buffer grow it, up to 64 KiB.
    static let receiveBuffers = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65536)

    /// The fields of the WebSocket handshake itself, which say nothing about the client once the
    /// connection is upgraded; a session does not keep them, as it would not for a polling request.
    static let upgradeHeaders: Set<String> = ["connection", "upgrade", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions"]

    public let responder: HTTPChannelHandler.Responder
    private let servers: [String: EngineIOServer]
    private let configuration: HTTP1Channel.Configuration

    /// `servers` maps request paths (such as `/socket.io/`) to the Engine.IO server behind each.
    public init(responder: @escaping HTTPChannelHandler.Responder, servers: [String: EngineIOServer], configuration: HTTP1Channel.Configuration) {
        self.responder = responder
        self.configuration = configuration
        var normalized: [String: EngineIOServer] = [:]
        for (path, server) in servers { normalized[Self.normalize(path)] = server }
        self.servers = normalized
    }

    static func normalize(_ path: some StringProtocol) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }

    private func server(for uri: String) -> (EngineIOServer, [String: String])? {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let server = servers[Self.normalize(parts[0])] else { return nil }
        return (server, EngineIOQuery.parse(parts.count > 1 ? String(parts[1]) : nil))
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.syncOptions?.setOption(ChannelOptions.recvAllocator, value: Self.receiveBuffers)
            let upgradeAttempted = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
            let upgrader = NIOTypedWebSocketServerUpgrader<UpgradeResult>(
                maxFrameSize: servers.values.map(\.configuration.maxPayload).max() ?? (1 << 20),
                shouldUpgrade: { channel, head in
                    upgradeAttempted.value = true
                    guard let (server, query) = server(for: head.uri),
                          server.shouldAcceptWebSocket(query: query)
                    else { return channel.eventLoop.makeSucceededFuture(nil) }
                    return channel.eventLoop.makeSucceededFuture(HTTPHeaders())
                },
                upgradePipelineHandler: { channel, head in
                    channel.eventLoop.makeCompletedFuture {
                        guard let (server, query) = server(for: head.uri) else { return .upgraded }
                        var headers: [String: String] = [:]
                        for (name, value) in head.headers {
                            let name = name.lowercased()
                            if !Self.upgradeHeaders.contains(name) { headers[name] = value }
                        }
                        let handshake = EngineIOHandshake(
                            query: query, headers: headers, remoteAddress: channel.remoteAddress?.ipAddress,
                            executor: EventLoopTaskExecutor(channel.eventLoop)
                        )
                        try channel.pipeline.syncOperations.addHandler(NIOWebSocketFrameAggregator(
                            minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 256,
                            maxAccumulatedFrameSize: server.configuration.maxPayload
                        ))
                        let writer = WebSocketBatchWriter()
                        try channel.pipeline.syncOperations.addHandler(writer, position: .first)
                        try channel.pipeline.syncOperations.addHandler(EngineIOWebSocketHandler(server: server, handshake: handshake, writer: writer))
                        return .upgraded
                    }
                }
            )
            let upgradeConfiguration = NIOTypedHTTPServerUpgradeConfiguration(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try channel.pipeline.syncOperations.addHandlers(configuration.additionalChannelHandlers())
                        try channel.pipeline.syncOperations.addHandler(
                            HTTPConnectionStateHandler(idleTimeout: configuration.idleTimeout.map { .init($0) }, logger: logger)
                        )
                        let asyncChannel = try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(
                            wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true)
                        )
                        return upgradeAttempted.value ? .refused(asyncChannel) : .notUpgraded(asyncChannel)
                    }
                }
            )
            var pipeline = NIOUpgradableHTTPServerPipelineConfiguration<UpgradeResult>(upgradeConfiguration: upgradeConfiguration)
            pipeline.enablePipelining = false
            pipeline.enableErrorHandling = false
            pipeline.enableResponseHeaderValidation = false
            let result = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(configuration: pipeline)
            try channel.pipeline.syncOperations.addHandler(CloseIfIdleOnQuiesce(), position: .first)
            return Value(upgradeResult: result, channel: channel)
        }
    }

    public func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.upgradeResult.get() {
            case .upgraded:
                return
            case .notUpgraded(let http1):
                await handleHTTP(asyncChannel: http1, logger: logger)
            case .refused(let http1):
                try await http1.executeThenClose { _, outbound in
                    let head = HTTPResponse(status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])
                    try await outbound.write(contentsOf: [.head(head), .end(nil)])
                }
            }
        } catch {
            logger.debug("Connection ended during upgrade", metadata: ["error": "\(error)"])
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with Engine.IO WebSocket upgrades on the given paths.
    public static func engineIO(_ servers: [String: EngineIOServer], configuration: HTTP1Channel.Configuration = .init()) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            EngineIOUpgradeChannel(responder: responder, servers: servers, configuration: configuration)
        }
    }
}
