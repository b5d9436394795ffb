import Hummingbird

/// Turns every error thrown below it into the API's JSON error answer.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return APIError(error, logger: context.logger).response()
        }
    }
}
