import EngineIOServer
import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Hummingbird
import Logging
import Prometheus
import SocketIOHummingbird
import ServiceLifecycle
import SocketIOServer

/// Builds the whole server: database, use cases, middleware, routes and the Socket.IO endpoint.
public func buildApplication(_ config: AppConfig, logger: Logger) async throws -> some ApplicationProtocol {
    let storage = try await Helpdesk.openStorage(config, logger: logger)
    var config = config
    if let stored = try await SQLSlaPolicyRepository(storage: storage).load() {
        config.desk.sla = stored
    }
    if try await !Helpdesk(storage: storage, config: config, logger: logger).accounts.hasActiveAdmin() {
        logger.notice("""
            This desk has no admin yet. Create one with: \
            helpdesk user add --database \(config.redactedDatabaseURL) --email you@example.com --name "Your Name" --role admin
            """)
    }
    return try buildApplication(
        storage: storage, config: config, webhooks: try await SQLWebhookRepository(storage: storage).all(), logger: logger
    )
}

/// Builds the server over an opened, migrated database (tests pass an in-memory one) whose webhook
/// endpoints are `webhooks`.
public func buildApplication(
    storage: any SQLStorage, config: AppConfig, webhooks: [Webhook] = [], logger: Logger
) throws -> some ApplicationProtocol {
    // On PostgreSQL, nodes may share the database: broadcasts and sessions go through it.
    let clusterStore = (storage as? PostgresStorage).map(PostgresClusterStore.init)
    let cluster = clusterStore.map { PostgresClusterBus(store: $0, logger: logger) }
    let io = SocketIOServer(configuration: config.socket, cluster: cluster, logger: logger)
    let namespace = io.of("/")
    let slaInbox = SlaAlertInbox()
    let notifier = NotificationDispatcher(
        notifications: NotificationService(
            notifications: SQLNotificationRepository(storage: storage), users: SQLUserRepository(storage: storage), clock: SystemClock()
        ),
        namespace: namespace, logger: logger
    )
    let registry = WebhookRegistry(logger: logger)
    registry.replace(with: webhooks)
    let webhookDispatcher = WebhookDispatcher(
        registry: registry, repository: SQLWebhookRepository(storage: storage),
        client: try WebhookHTTPClient(
            policy: WebhookAddressPolicy(allowsPrivateTargets: config.webhooks.allowsPrivateTargets), timeout: config.webhooks.timeout
        ),
        settings: config.webhooks, logger: logger
    )
    let helpdesk = Helpdesk(
        storage: storage, config: config,
        events: TicketEventFanout(listeners: [TicketEventRelay(namespace: namespace), slaInbox, notifier, webhookDispatcher]),
        webhooks: registry
    )
    let typing = TypingTracker(namespace: namespace)
    let clusterPresence = clusterStore.map {
        ClusterPresenceRegistry(node: EngineIOServer.makeSessionID(), store: $0, namespace: namespace, logger: logger)
    }
    TicketSocketHandlers(
        tickets: helpdesk.tickets, attachments: helpdesk.attachments,
        limiter: RateLimiter(capacity: config.socketEventsPerWindow, window: .seconds(10)),
        presence: clusterPresence ?? PresenceRegistry(), typing: typing, logger: logger
    ).install(on: namespace, authenticator: SocketAuthenticator(accounts: helpdesk.accounts, origins: OriginPolicy(allowedOrigins: Set(config.allowedOrigins))))
    var engineConfiguration = config.engine
    engineConfiguration.allowedOrigins = config.allowedOrigins
    let engine = EngineIOServer(configuration: engineConfiguration, handler: io, logger: logger)

    let router = buildRouter(helpdesk, config: config)
    router.addEngineIO(engine, path: "/socket.io")
    var services: [any Service] = [
        StorageCloser(storage: helpdesk.storage), SlaAlertScheduler(tickets: helpdesk.tickets, inbox: slaInbox, logger: logger),
        notifier, webhookDispatcher, typing,
    ]
    if let clusterStore, let cluster, let clusterPresence {
        let window = config.socket.recoveryWindow.map { TimeInterval($0.components.seconds) } ?? 0
        services += [
            cluster, clusterPresence,
            ClusterSync(
                store: clusterStore, recoveryWindow: window + 60, slaPolicies: helpdesk.slaPolicies, webhooks: helpdesk.webhooks,
                slaInbox: slaInbox, logger: logger
            ),
        ]
    }
    services += [io, engine]
    return Application(
        router: router,
        server: .engineIO(["/socket.io/": engine]),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Helpdesk"),
        services: services,
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
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    HealthController(storage: helpdesk.storage, registry: registry).addRoutes(to: router)
    let pages = WebPageController(directory: config.publicDirectory)
    router.add(middleware: pages.assets)
    pages.addRoutes(to: router)

    router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(capacity: config.requestsPerMinute, window: .seconds(60))))
    router.add(middleware: AuthenticationMiddleware(accounts: helpdesk.accounts))
    router.add(middleware: OriginCheckMiddleware(policy: OriginPolicy(allowedOrigins: Set(config.allowedOrigins))))
    AuthController(
        accounts: helpdesk.accounts,
        loginThrottle: RateLimiter(capacity: config.loginAttemptsPerMinute, window: .seconds(60)),
        maxBodyBytes: config.maxBodyBytes, sessionLifetime: config.desk.sessionLifetime, secureCookies: config.secureCookies
    ).addRoutes(to: router)
    DeskController(settings: config.desk).addRoutes(to: router)
    let api = router.group("api", context: AuthenticatedContext.self)
    TicketController(tickets: helpdesk.tickets, attachments: helpdesk.attachments, maxBodyBytes: config.maxBodyBytes)
        .addRoutes(to: api.group("tickets"))
    UserTicketController(tickets: helpdesk.tickets, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("user/tickets"))
    UserController(accounts: helpdesk.accounts, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api)
    SlaPolicyController(policies: helpdesk.slaPolicies, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("sla-policies"))
    NotificationController(notifications: helpdesk.notifications, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("notifications"))
    ReportController(reports: helpdesk.reports).addRoutes(to: api.group("reports"))
    WebhookController(webhooks: helpdesk.webhooks, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("webhooks"))
    SearchController(search: helpdesk.search).addRoutes(to: api.group("search"))
    ExportController(exports: helpdesk.exports).addRoutes(exports: api.group("exports"), tickets: api.group("tickets"))
    AttachmentController(
        attachments: helpdesk.attachments,
        store: AttachmentStore(directory: config.resolvedAttachmentsDirectory, maxBytes: config.maxAttachmentBytes)
    ).addRoutes(tickets: api.group("tickets"), attachments: api.group("attachments"))
    QuickReplyController(replies: helpdesk.quickReplies, maxBodyBytes: config.maxBodyBytes).addRoutes(to: api.group("quick-replies"))
    return router
}
