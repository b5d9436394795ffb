import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Testing

@Suite struct SQLWebhookRepositoryTests {
    /// Queues one delivery per message for `webhookId`, as the app's registry would for `message.created`.
    struct EveryMessage: WebhookOutbox {
        var webhookId: String
        func deliveries(for change: TicketChange, isNew: Bool) -> [QueuedWebhookEvent] {
            change.messages.map {
                QueuedWebhookEvent(webhookId: webhookId, eventId: $0.id, eventType: isNew ? .ticketCreated : .messageCreated,
                                   payload: #"{"content":"\#($0.content)"}"#, createdAt: $0.createdAt)
            }
        }
    }

    let epoch = TemporaryDatabase.epoch

    func webhook(_ id: String) -> Webhook {
        Webhook(id: id, url: "https://crm.example.com/\(id)", secret: "s3cret-s3cret-s3cret", events: [.ticketCreated, .messageCreated],
                createdAt: epoch, updatedAt: epoch)
    }

    @Test func deliveriesAreWrittenWithTheChangeAndInItsOrder() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let webhooks = SQLWebhookRepository(storage: database.storage)
            try await webhooks.insert(webhook("crm"))
            let customer = try await database.addUser("alice", .customer)
            let tickets = TicketService(
                tickets: SQLTicketRepository(storage: database.storage, outbox: EveryMessage(webhookId: "crm")),
                users: database.users, clock: FixedClock(date: epoch), settings: DeskSettings()
            )
            let ticket = try await tickets.open(NewTicket(title: "Hooked", category: "general", content: "first"), as: customer).ticket
            for text in ["second", "third"] {
                _ = try await tickets.reply(to: ticket.id, content: text, as: customer)
            }
            let log = try await webhooks.deliveries(webhookId: "crm", before: nil, limit: 10)
            #expect(log.map(\.payload) == [#"{"content":"third"}"#, #"{"content":"second"}"#, #"{"content":"first"}"#])
            #expect(log.map(\.eventType) == [.messageCreated, .messageCreated, .ticketCreated])
            #expect(log.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.nextAttemptAt == epoch })
            #expect(try await webhooks.deliveries(webhookId: "crm", before: log[1].id, limit: 10).map(\.id) == [log[2].id])

            var first = try #require(try await webhooks.nextPending(webhookId: "crm"))
            #expect(first.payload == #"{"content":"first"}"#)
            first = WebhookRetryPolicy().recording(.delivered(status: 200), of: first, at: epoch.addingTimeInterval(1))
            try await webhooks.save(first)
            #expect(try await webhooks.delivery(id: first.id) == first)
            #expect(try await webhooks.nextPending(webhookId: "crm")?.payload == #"{"content":"second"}"#)
            #expect(try await webhooks.prune(before: epoch) == 0, "only deliveries of older events go")
            #expect(try await webhooks.prune(before: epoch.addingTimeInterval(1)) == 1, "pending ones stay")
            #expect(try await webhooks.deliveries(webhookId: "crm", before: nil, limit: 10).map(\.id) == [log[0].id, log[1].id])

            #expect(try await webhooks.delete(id: "crm"))
            #expect(try await webhooks.deliveries(webhookId: "crm", before: nil, limit: 10).isEmpty)
            #expect(try await !webhooks.delete(id: "crm"))
        }
    }

    @Test func aChangeWhoseDeliveriesCannotBeQueuedIsNotStoredEither() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let plain = TicketService(tickets: database.tickets, users: database.users, clock: FixedClock(date: epoch), settings: DeskSettings())
            let ticket = try await plain.open(NewTicket(title: "Hooked", category: "general", content: "first"), as: customer).ticket
            let broken = TicketService(
                tickets: SQLTicketRepository(storage: database.storage, outbox: EveryMessage(webhookId: "no-such-webhook")),
                users: database.users, clock: FixedClock(date: epoch), settings: DeskSettings()
            )
            await #expect(throws: (any Error).self) { try await broken.reply(to: ticket.id, content: "lost?", as: customer) }
            #expect(try await database.tickets.messages(ticketId: ticket.id, after: nil, before: nil, limit: 10).map(\.content) == ["first"])
            #expect(try await database.tickets.find(reference: ticket.id)?.lastSeq == 1)
        }
    }
}
