import Hummingbird

/// Blocks cross-site request forgery: a state-changing request must not come from a foreign `Origin`,
/// and one that relies on the session cookie must name its origin.
struct OriginCheckMiddleware: RouterMiddleware {
    let policy: OriginPolicy

    func handle(
        _ request: Request, context: HelpdeskRequestContext,
        next: (Request, HelpdeskRequestContext) async throws -> Response
    ) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if let origin = request.headers[.origin] {
            guard policy.allows(origin, host: request.head.authority) else { throw RequestError.crossSiteRequest }
        } else if context.isCookieSession {
            throw RequestError.crossSiteRequest
        }
        return try await next(request, context)
    }
}
