import HelpdeskDomain
import Hummingbird

/// Finds who is asking from `Authorization: Bearer …` or the session cookie; an unknown token leaves the request anonymous.
struct AuthenticationMiddleware: RouterMiddleware {
    static let cookieName = "helpdesk_session"
    let accounts: AccountService

    func handle(
        _ request: Request, context: HelpdeskRequestContext,
        next: (Request, HelpdeskRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let (token, fromCookie) = Self.token(in: request) {
            do {
                context.identity = try await accounts.authenticate(token: token)
                context.sessionToken = token
                context.isCookieSession = fromCookie
            } catch HelpdeskError.unauthenticated {
                context.identity = nil
            }
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> (token: String, fromCookie: Bool)? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return (String(parts[1]).trimmingCharacters(in: .whitespaces), false)
            }
        }
        if let cookie = request.cookies[cookieName], !cookie.value.isEmpty {
            return (cookie.value, true)
        }
        return nil
    }
}
