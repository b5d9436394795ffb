import HelpdeskDomain
import Hummingbird

/// Limits how many requests one client address may make; the excess gets 429 with `Retry-After`.
struct RateLimitMiddleware: RouterMiddleware {
    let limiter: RateLimiter

    func handle(
        _ request: Request, context: HelpdeskRequestContext,
        next: (Request, HelpdeskRequestContext) async throws -> Response
    ) async throws -> Response {
        if let retryAfter = limiter.consume("ip:" + context.clientAddress) {
            throw HelpdeskError.rateLimited(retryAfterSeconds: retryAfter)
        }
        return try await next(request, context)
    }
}
