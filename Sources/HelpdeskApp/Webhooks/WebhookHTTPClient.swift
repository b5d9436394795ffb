import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Posts one delivery over a connection of its own to the address the policy checked, over TLS
/// (verified against the URL's host name) for https, and answers the response's status code.
/// Redirects are not followed: a 3xx is an answer like any other non-2xx.
struct WebhookHTTPClient: Sendable {
    let policy: WebhookAddressPolicy
    let timeout: Duration
    private let tls: NIOSSLContext

    init(policy: WebhookAddressPolicy, timeout: Duration) throws {
        self.policy = policy
        self.timeout = timeout
        self.tls = try NIOSSLContext(configuration: .makeClientConfiguration())
    }

    func post(to url: URL, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let scheme = components.scheme?.lowercased(), let host = url.host
        else { throw WebhookSendError.invalidURL }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        let address = try await policy.address(host: host, port: port)

        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: Self.target(components))
        head.headers.add(name: "Host", value: url.port.map { "\(components.percentEncodedHost ?? host):\($0)" } ?? (components.percentEncodedHost ?? host))
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "Connection", value: "close")

        let serverName = secure && (try? SocketAddress(ipAddress: host, port: port)) == nil ? host : nil
        let tls = secure ? self.tls : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(timeout))
            .connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        let timeout = self.timeout
        let request = head
        return try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Int?.self) { group in
                group.addTask {
                    try await outbound.write(.head(request))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
                    try await outbound.write(.end(nil))
                    for try await part in inbound {
                        if case .head(let response) = part, response.status.code >= 200 { return Int(response.status.code) }
                    }
                    throw WebhookSendError.closedWithoutAnswer
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let status = first else {
                    channel.channel.close(promise: nil)
                    throw WebhookSendError.timedOut(seconds: Int(timeout.components.seconds))
                }
                return status
            }
        }
    }

    /// The request target: the URL's path (at least "/") and query, as they were encoded.
    private static func target(_ components: URLComponents) -> String {
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }
}
