import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Hummingbird
import Logging
import Prometheus

/// Builds the whole server: database, use cases, middleware and routes.
public func buildApplication(_ config: AppConfig, logger: Logger) async throws -> some ApplicationProtocol {
    let helpdesk = try await Helpdesk.open(config, logger: logger)
    if try await !helpdesk.accounts.hasActiveAdmin() {
        logger.notice("""
            This desk has no admin yet. Create one with: \
            helpdesk user add --database \(config.databaseURL) --email you@example.com --name "Your Name" --role admin
            """)
    }
    return buildApplication(helpdesk, config: config, logger: logger)
}

/// Builds the server over an already opened helpdesk (tests inject their own).
public func buildApplication(_ helpdesk: Helpdesk, config: AppConfig, logger: Logger) -> some ApplicationProtocol {
    let router = buildRouter(helpdesk, config: config)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Helpdesk"),
        services: [StorageCloser(storage: helpdesk.storage)],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? config.port
            FileHandle.standardOutput.write(Data("Helpdesk listening on http://\(config.host):\(port)\n".utf8))
        },
        logger: logger
    )
}

func buildRouter(_ helpdesk: Helpdesk, config: AppConfig) -> Router<HelpdeskRequestContext> {
    let registry = PrometheusCollectorRegistry()
    let router = Router(context: HelpdeskRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(registry: registry))
    router.add(middleware: ErrorMiddleware())
    HealthController(storage: helpdesk.storage, registry: registry).addRoutes(to: router)

    router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(capacity: config.requestsPerMinute, window: .seconds(60))))
    router.add(middleware: AuthenticationMiddleware(accounts: helpdesk.accounts))
    router.add(middleware: OriginCheckMiddleware(allowedOrigins: Set(config.allowedOrigins)))
    AuthController(
        accounts: helpdesk.accounts,
        loginThrottle: RateLimiter(capacity: config.loginAttemptsPerMinute, window: .seconds(60)),
        maxBodyBytes: config.maxBodyBytes, sessionLifetime: config.desk.sessionLifetime, secureCookies: config.secureCookies
    ).addRoutes(to: router)
    let api = router.group("api", context: AuthenticatedContext.self)
    TicketController(tickets: helpdesk.tickets, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("tickets"))
    UserTicketController(tickets: helpdesk.tickets, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("user/tickets"))
    UserController(accounts: helpdesk.accounts, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api)
    return router
}
