import HelpdeskDomain
import HelpdeskPersistence
import Logging

/// The opened database and the use cases over it: what the server and the command line share.
public struct Helpdesk: Sendable {
    public let storage: any SQLStorage
    public let accounts: AccountService
    public let tickets: TicketService
    public let slaPolicies: SlaPolicyService
    public let notifications: NotificationService
    public let reports: ReportService
    public let webhooks: WebhookService
    public let quickReplies: QuickReplyService
    public let search: SearchService
    public let exports: ExportService
    public let attachments: AttachmentService
    /// The endpoints in force, which decide what each ticket change queues for delivery.
    let webhookRegistry: WebhookRegistry

    /// Opens the database named by the config, brings its schema up to date, and builds the use cases on it.
    public static func open(_ config: AppConfig, logger: Logger) async throws -> Helpdesk {
        let helpdesk = Helpdesk(storage: try await openStorage(config, logger: logger), config: config, logger: logger)
        try await helpdesk.webhooks.loadSubscriptions()
        return helpdesk
    }

    /// Opens the database named by the config and brings its schema up to date.
    public static func openStorage(_ config: AppConfig, logger: Logger) async throws -> any SQLStorage {
        let storage: any SQLStorage = switch try DatabaseLocation(url: config.databaseURL) {
        case .postgres(let url): try await PostgresStorage.open(url: url, logger: logger)
        case let location: try await SQLiteStorage.open(location, logger: logger)
        }
        do {
            let applied = try await Migrator(storage: storage, logger: logger).migrate()
            if !applied.isEmpty {
                logger.info("Database schema migrated", metadata: ["versions": "\(applied)", "database": "\(config.redactedDatabaseURL)"])
            }
        } catch {
            try? await storage.close()
            throw error
        }
        return storage
    }

    /// The use cases over `storage` for tools and tests: events reach no live client, and ticket
    /// changes queue deliveries for the endpoints `webhooks.loadSubscriptions()` finds.
    public init(storage: any SQLStorage, config: AppConfig, logger: Logger = Logger(label: "helpdesk")) {
        self.init(storage: storage, config: config, events: DiscardedTicketEvents(), webhooks: WebhookRegistry(logger: logger))
    }

    /// The use cases over `storage`; ticket changes queue deliveries for the endpoints `registry` holds.
    init(
        storage: any SQLStorage, config: AppConfig, clock: any HelpdeskClock = SystemClock(),
        events: any TicketEventPublisher, webhooks registry: WebhookRegistry
    ) {
        let users = SQLUserRepository(storage: storage)
        self.storage = storage
        self.webhookRegistry = registry
        self.accounts = AccountService(
            users: users, sessions: SQLSessionRepository(storage: storage),
            hasher: BcryptPasswordHasher(cost: config.bcryptCost), digester: SHA256TokenDigester(),
            clock: clock, settings: config.desk
        )
        let policy = SlaPolicyHolder(config.desk.sla)
        self.tickets = TicketService(
            tickets: SQLTicketRepository(storage: storage, outbox: registry), users: users, clock: clock, settings: config.desk,
            slaPolicies: policy, events: events
        )
        self.slaPolicies = SlaPolicyService(repository: SQLSlaPolicyRepository(storage: storage), source: policy)
        self.notifications = NotificationService(notifications: SQLNotificationRepository(storage: storage), users: users, clock: clock)
        self.reports = ReportService(reports: SQLReportRepository(storage: storage))
        self.search = SearchService(index: SQLSearchRepository(storage: storage))
        self.exports = ExportService(exports: SQLExportRepository(storage: storage), tickets: tickets)
        self.attachments = AttachmentService(attachments: SQLAttachmentRepository(storage: storage), tickets: tickets, clock: clock)
        self.quickReplies = QuickReplyService(
            replies: SQLQuickReplyRepository(storage: storage), tickets: tickets, clock: clock, maxTextLength: config.desk.maxMessageLength
        )
        self.webhooks = WebhookService(
            webhooks: SQLWebhookRepository(storage: storage),
            targets: WebhookAddressPolicy(allowsPrivateTargets: config.webhooks.allowsPrivateTargets),
            subscriptions: registry, clock: clock
        )
    }
}
