import HelpdeskDomain
import SocketIOServer

/// The connect middleware: the user behind `auth.token` or the session cookie, or CONNECT_ERROR `UNAUTHORIZED`.
/// A cookie-authenticated socket from another site is refused, so no cross-site WebSocket hijacking.
struct SocketAuthenticator {
    let accounts: AccountService
    let origins: OriginPolicy

    func authenticate(_ handshake: SocketIOHandshake) async throws -> User {
        let headers = handshake.engine.headers
        let token: String
        if let explicit = handshake.auth["token"]?.stringValue, !explicit.isEmpty {
            token = explicit
        } else if let cookie = Self.cookie(named: AuthenticationMiddleware.cookieName, in: headers["cookie"]) {
            if let origin = headers["origin"], !origins.allows(origin, host: headers["host"]) { throw Self.refusal }
            token = cookie
        } else {
            throw Self.refusal
        }
        do {
            return try await accounts.authenticate(token: token)
        } catch HelpdeskError.unauthenticated {
            throw Self.refusal
        }
    }

    static let refusal = SocketIOConnectError(message: "Sign in first.", data: ["code": "UNAUTHORIZED"])

    static func cookie(named name: String, in header: String?) -> String? {
        for part in (header ?? "").split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name {
                return String(pair[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
