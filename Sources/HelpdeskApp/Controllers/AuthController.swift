import Foundation
import HelpdeskDomain
import Hummingbird

/// Sign in, sign out, sign up and "who am I".
struct AuthController {
    let accounts: AccountService
    let loginThrottle: RateLimiter
    let maxBodyBytes: Int
    let sessionLifetime: TimeInterval
    let secureCookies: Bool

    func addRoutes(to router: Router<HelpdeskRequestContext>) {
        let auth = router.group("api/auth")
        auth.post("login", use: login)
        auth.post("register", use: register)
        auth.post("logout", use: logout)
        auth.group(context: AuthenticatedContext.self).get("me") { _, context in
            MeDTO(user: UserDTO(context.user))
        }
    }

    @Sendable func login(_ request: Request, context: HelpdeskRequestContext) async throws -> EditedResponse<SessionDTO> {
        let body = try await request.decodeJSON(LoginRequest.self, limit: maxBodyBytes)
        for key in ["ip:" + context.clientAddress, "email:" + body.email.lowercased()] {
            if let retryAfter = loginThrottle.consume(key) {
                throw HelpdeskError.rateLimited(retryAfterSeconds: retryAfter)
            }
        }
        let signedIn = try await accounts.login(email: body.email, password: body.password)
        return sessionResponse(signedIn, status: .ok)
    }

    @Sendable func register(_ request: Request, context: HelpdeskRequestContext) async throws -> EditedResponse<SessionDTO> {
        let body = try await request.decodeJSON(RegisterRequest.self, limit: maxBodyBytes)
        if let retryAfter = loginThrottle.consume("ip:" + context.clientAddress) {
            throw HelpdeskError.rateLimited(retryAfterSeconds: retryAfter)
        }
        let signedIn = try await accounts.register(email: body.email, name: body.name, password: body.password)
        return sessionResponse(signedIn, status: .created)
    }

    @Sendable func logout(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        if let token = context.sessionToken {
            try await accounts.logout(token: token)
        }
        var response = Response(status: .noContent)
        response.setCookie(sessionCookie(value: "", maxAge: 0))
        return response
    }

    private func sessionResponse(_ signedIn: SignedIn, status: HTTPResponse.Status) -> EditedResponse<SessionDTO> {
        var response = EditedResponse(status: status, response: SessionDTO(user: UserDTO(signedIn.user), token: signedIn.token))
        response.setCookie(sessionCookie(value: signedIn.token, maxAge: Int(sessionLifetime)))
        return response
    }

    private func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: AuthenticationMiddleware.cookieName, value: value, maxAge: maxAge, path: "/",
            secure: secureCookies, httpOnly: true, sameSite: .lax
        )
    }
}
