import Foundation
import HelpdeskDomain
import Logging
import ServiceLifecycle
import SocketIOServer

/// Records the notifications committed ticket events cause and sends each to its owner's sockets
/// (`notification` to `user:<id>`). Events that cannot notify anyone are dropped as they are published.
final class NotificationDispatcher: TicketEventPublisher, Service {
    private let events: AsyncStream<TicketEvent>
    private let continuation: AsyncStream<TicketEvent>.Continuation
    private let notifications: NotificationService
    private let namespace: SocketIONamespace
    private let logger: Logger

    init(notifications: NotificationService, namespace: SocketIONamespace, logger: Logger) {
        (events, continuation) = AsyncStream.makeStream(of: TicketEvent.self)
        self.notifications = notifications
        self.namespace = namespace
        self.logger = logger
    }

    func publish(_ event: TicketEvent) {
        if NotificationRules.mayNotify(event) { continuation.yield(event) }
    }

    func run() async throws {
        for await event in events.cancelOnGracefulShutdown() {
            do {
                for note in try await notifications.record(event) {
                    namespace.to(TicketRooms.user(note.userId)).emit("notification", [JSONValue(encoding: NotificationDTO(note))])
                }
            } catch {
                logger.error("Could not record notifications", metadata: ["error": "\(error)"])
            }
        }
    }
}
