import Hummingbird
import Prometheus

/// Counts requests and records their durations by method, route and status for `/metrics`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let labels = [
            ("method", request.method.rawValue),
            ("route", context.endpointPath ?? "unmatched"),
            ("status", String(response.status.code)),
        ]
        registry.makeCounter(name: "helpdesk_http_requests_total", labels: labels).increment()
        registry.makeDurationHistogram(
            name: "helpdesk_http_request_duration_seconds", labels: Array(labels.prefix(2)), buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)]
        ).record(started.duration(to: .now))
        return response
    }
}
