import HelpdeskPersistence
import Hummingbird
import Prometheus

/// `/health` (is the database answering?) and `/metrics` (Prometheus text).
struct HealthController {
    let storage: any SQLStorage
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<HelpdeskRequestContext>) {
        router.get("health", use: health)
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
    }

    /// The answer of `/health`.
    struct Status: ResponseEncodable {
        var status: String
        var database: String
    }

    @Sendable func health(_ request: Request, context: HelpdeskRequestContext) async throws -> EditedResponse<Status> {
        do {
            try await storage.ping()
            return EditedResponse(status: .ok, response: Status(status: "ok", database: "ok"))
        } catch {
            context.logger.warning("Health check failed", metadata: ["error": "\(error)"])
            return EditedResponse(status: .serviceUnavailable, response: Status(status: "unavailable", database: "unreachable"))
        }
    }
}
