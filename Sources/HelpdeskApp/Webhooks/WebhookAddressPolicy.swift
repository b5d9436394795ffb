import Foundation
import HelpdeskDomain
import NIOCore
import NIOPosix

/// Where webhook deliveries may go: the address a URL's host resolves to must be on the public
/// internet unless private targets (loopback, LAN, link-local…) are allowed by configuration. The
/// sender connects to the very address checked here, so a DNS answer that changes in between
/// cannot redirect a delivery into the private network.
struct WebhookAddressPolicy: WebhookTargetCheck {
    var allowsPrivateTargets: Bool

    /// Refuses a URL whose host is, or resolves to, a private address; an unknown host is accepted
    /// (its deliveries fail and are retried until it resolves).
    func check(_ url: URL) async throws {
        guard let host = url.host else { throw HelpdeskError.invalidField("url", "must name a host") }
        do {
            _ = try await address(host: host, port: url.port ?? 443)
        } catch WebhookSendError.privateAddress(let address) {
            throw HelpdeskError.invalidField(
                "url", "resolves to \(address), a private or loopback address; deliveries go only to public addresses"
            )
        } catch {
            return
        }
    }

    /// Resolves `host` (or reads it as an IP literal) and returns the address to connect to.
    func address(host: String, port: Int) async throws -> SocketAddress {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let address: SocketAddress
        if let literal = try? SocketAddress(ipAddress: name, port: port) {
            address = literal
        } else {
            do {
                address = try await NIOThreadPool.singleton.runIfActive {
                    try SocketAddress.makeAddressResolvingHost(name, port: port)
                }
            } catch {
                throw WebhookSendError.unknownHost(name)
            }
        }
        guard allowsPrivateTargets || Self.isPublic(address) else {
            throw WebhookSendError.privateAddress(address.ipAddress ?? name)
        }
        return address
    }

    static func isPublic(_ address: SocketAddress) -> Bool {
        let bytes: [UInt8]
        switch address {
        case .v4(let v4):
            var raw = v4.address.sin_addr
            bytes = withUnsafeBytes(of: &raw) { Array($0) }
        case .v6(let v6):
            var raw = v6.address.sin6_addr
            bytes = withUnsafeBytes(of: &raw) { Array($0) }
        case .unixDomainSocket:
            return false
        }
        return NetworkAddress(bytes: bytes)?.isPublic ?? false
    }
}
