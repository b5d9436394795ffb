import Foundation
import HelpdeskDomain
import Hummingbird
import NIOCore

/// The context of every request: the client's address and, once authenticated, who is asking.
struct HelpdeskRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    var identity: User?
    /// The session token presented, so sign-out can revoke exactly it.
    var sessionToken: String?
    /// True when the token came from the session cookie, which browsers attach on their own.
    var isCookieSession = false

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    var responseEncoder: JSONEncoder { WireJSON.encoder() }

    /// The client's IP address, for rate limits.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
