import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Testing

@Suite struct SQLTicketRepositoryTests {
    func service(_ database: TemporaryDatabase, at date: Date = TemporaryDatabase.epoch) -> TicketService {
        TicketService(tickets: database.tickets, users: database.users, clock: FixedClock(date: date), settings: DeskSettings())
    }

    func draft(_ title: String, priority: TicketPriority = .medium) -> NewTicket {
        NewTicket(title: title, category: "general", priority: priority, content: "About \(title)")
    }

    @Test func twoHundredConcurrentCreationsGetDistinctNumbers() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let tickets = service(database)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<200 {
                    group.addTask { try await tickets.open(draft("Ticket \(index)"), as: customer).ticket.ticketNumber }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(numbers).count == 200)
            #expect(Set(numbers) == Set((1...200).map { TicketNumber.make(period: "2311", sequence: $0) }))
        }
    }

    @Test func statsCountStatusesAssignmentAndDeadlinesWithinTheirScope() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let alice = try await database.addUser("alice", .customer)
            let bob = try await database.addUser("bob", .customer)
            let agent = try await database.addUser("sami", .agent)
            let hour: TimeInterval = 3_600
            let epoch = TemporaryDatabase.epoch
            _ = try await service(database, at: epoch.addingTimeInterval(-2 * hour)).open(draft("Late"), as: alice)
            let dueSoon = try await service(database, at: epoch).open(draft("Soon"), as: alice).ticket
            _ = try await service(database, at: epoch.addingTimeInterval(22 * hour)).open(draft("Fresh"), as: bob)
            let resolved = try await service(database, at: epoch).open(draft("Done"), as: bob).ticket
            _ = try await service(database, at: epoch.addingTimeInterval(hour)).reply(to: dueSoon.id, content: "On it", as: agent)
            let later = service(database, at: epoch.addingTimeInterval(23 * hour))
            _ = try await later.update(dueSoon.id, with: TicketPatch(assignee: .assign(agent.id)), as: agent)
            _ = try await later.update(resolved.id, with: TicketPatch(status: .resolved), as: agent)

            let desk = try await later.stats(as: agent)
            #expect(desk.byStatus == [.open: 2, .pending: 1, .resolved: 1, .closed: 0])
            #expect(desk.total == 4)
            #expect((desk.assignedToViewer, desk.unassigned) == (1, 2))
            #expect((desk.slaBreached, desk.slaDueSoon) == (1, 1))

            let own = try await later.stats(as: alice)
            #expect(own.byStatus == [.open: 1, .pending: 1, .resolved: 0, .closed: 0])
            #expect((own.assignedToViewer, own.unassigned, own.slaBreached, own.slaDueSoon) == (0, 1, 1, 1))
        }
    }

    @Test func aDetailCarriesHowFarEachReaderHasRead() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let tickets = service(database)
            let id = try await tickets.open(draft("Printer"), as: customer).ticket.id
            _ = try await tickets.reply(to: id, content: "Looking", as: agent)
            _ = try await tickets.markRead(id, upTo: 1, as: agent)
            _ = try await tickets.markRead(id, upTo: nil, as: customer)
            let cursors = try await tickets.detail(id, as: customer).readCursors
            #expect(Dictionary(uniqueKeysWithValues: cursors.map { ($0.userId, $0.lastReadSeq) }) == [agent.id: 1, customer.id: 2])
        }
    }

    @Test func aChangeStoresTicketMessagesAndActivityTogether() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let tickets = service(database)
            let id = try await tickets.open(draft("Printer"), as: customer).ticket.id
            _ = try await tickets.reply(to: id, content: "Looking", as: agent)
            _ = try await tickets.update(id, with: TicketPatch(assignee: .assign("sami")), as: agent)
            let detail = try await tickets.detail(id, as: agent)
            #expect(detail.view.ticket.status == .pending)
            #expect(detail.view.ticket.assigneeName == "Sami")
            #expect(detail.messages.map(\.seq) == [1, 2, 3, 4])
            #expect(detail.messages.map(\.sender) == [.customer, .agent, .system, .system])
            #expect(detail.activities.map(\.kind) == [.created, .assigned, .statusChanged])
            #expect(detail.view.ticket.lastSeq == 4)
        }
    }

    @Test func anUpdateStoresEveryColumnThatChanged() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let opened = try await service(database).open(draft("Printer"), as: customer).ticket
            let change = try await database.tickets.update(reference: opened.ticketNumber) { current in
                var ticket = current
                ticket.title = "Printer on fire"
                ticket.category = "hardware"
                ticket.customerName = "Alice B."
                ticket.customerEmail = "alice.b@example.com"
                ticket.customerAvatar = "https://example.com/alice.png"
                ticket.status = .closed
                ticket.priority = .urgent
                ticket.assigneeId = agent.id
                ticket.assigneeName = agent.name
                ticket.assigneeAvatar = "https://example.com/sami.png"
                ticket.lastMessage = "Fixed"
                ticket.lastMessageAt = TemporaryDatabase.epoch.addingTimeInterval(60)
                ticket.slaDeadline = TemporaryDatabase.epoch.addingTimeInterval(3_600)
                ticket.updatedAt = TemporaryDatabase.epoch.addingTimeInterval(120)
                ticket.resolvedAt = TemporaryDatabase.epoch.addingTimeInterval(90)
                ticket.closedAt = TemporaryDatabase.epoch.addingTimeInterval(120)
                ticket.sla = TicketSla(
                    firstResponseDue: TemporaryDatabase.epoch.addingTimeInterval(1_800),
                    firstRespondedAt: TemporaryDatabase.epoch.addingTimeInterval(30),
                    awaitingReplySince: TemporaryDatabase.epoch.addingTimeInterval(45),
                    nextResponseDue: TemporaryDatabase.epoch.addingTimeInterval(2_745),
                    resolutionStartedAt: TemporaryDatabase.epoch.addingTimeInterval(60),
                    resolutionUsed: 12.5
                )
                return TicketChange(ticket: ticket)
            }
            #expect(change.ticket != opened)
            #expect(try await database.tickets.find(reference: opened.id) == change.ticket)
        }
    }

    @Test func aRejectedChangeWritesNothing() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let tickets = service(database)
            let id = try await tickets.open(draft("Printer"), as: customer).ticket.id
            _ = try await tickets.update(id, with: TicketPatch(status: .resolved), as: agent)
            await #expect(throws: HelpdeskError.invalidTransition(from: .resolved, to: .pending)) {
                try await tickets.update(id, with: TicketPatch(status: .pending, priority: .urgent), as: agent)
            }
            let detail = try await tickets.detail(id, as: agent)
            #expect(detail.view.ticket.priority == .medium)
            #expect(detail.activities.count == 2)
        }
    }

    @Test func concurrentRepliesAreNumberedInOrderWithoutGaps() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let tickets = service(database)
            var ids: [String] = []
            for index in 0..<5 {
                ids.append(try await tickets.open(draft("Ticket \(index)"), as: customer).ticket.id)
            }
            let replies = try await withThrowingTaskGroup(of: Message.self) { group in
                for index in 0..<300 {
                    let id = ids[index % ids.count]
                    group.addTask { try await tickets.reply(to: id, content: "Reply \(index)", as: index % 2 == 0 ? agent : customer) }
                }
                return try await group.reduce(into: [Message]()) { $0.append($1) }
            }
            for id in ids {
                let stored = try await tickets.messages(id, after: nil, before: nil, limit: 200, as: agent)
                #expect(stored.map(\.seq) == Array(1...61))
                #expect(Set(stored.dropFirst().map(\.id)) == Set(replies.filter { $0.ticketId == id }.map(\.id)))
                #expect(try await tickets.detail(id, as: agent).view.ticket.lastSeq == 61)
            }
        }
    }

    @Test func nodesSharingTheDatabaseNumberRepliesToTheSameTicketsWithoutGapsOrRepeats() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let other = try await database.openAnother()
            let nodes = [service(database), TicketService(
                tickets: SQLTicketRepository(storage: other), users: SQLUserRepository(storage: other),
                clock: FixedClock(date: TemporaryDatabase.epoch), settings: DeskSettings()
            )]
            var ids: [String] = []
            for index in 0..<2 {
                ids.append(try await nodes[index].open(draft("Shared \(index)"), as: customer).ticket.id)
            }
            let replies: [Message]
            do {
                replies = try await withThrowingTaskGroup(of: Message.self) { group in
                    for index in 0..<200 {
                        let node = nodes[index % 2], id = ids[index / 2 % 2]
                        group.addTask { try await node.reply(to: id, content: "Reply \(index)", as: index % 3 == 0 ? agent : customer) }
                    }
                    return try await group.reduce(into: [Message]()) { $0.append($1) }
                }
                try await other.close()
            } catch {
                try? await other.close()
                throw error
            }
            for id in ids {
                let stored = try await nodes[0].messages(id, after: nil, before: nil, limit: 200, as: agent)
                #expect(stored.map(\.seq) == Array(1...101), "\(database.kind)")
                #expect(Set(stored.dropFirst().map(\.id)) == Set(replies.filter { $0.ticketId == id }.map(\.id)))
            }
        }
    }

    @Test func aFailingUpdateAmongConcurrentOnesFailsAlone() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let alice = try await database.addUser("alice", .customer)
            let bob = try await database.addUser("bob", .customer)
            let tickets = service(database)
            let id = try await tickets.open(draft("Printer"), as: alice).ticket.id
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        let author = index % 3 == 0 ? bob : alice
                        return (try? await tickets.reply(to: id, content: "Reply \(index)", as: author)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 40)
            let stored = try await tickets.messages(id, after: nil, before: nil, limit: 200, as: alice)
            #expect(stored.map(\.seq) == Array(1...41))
            #expect(stored.allSatisfy { $0.senderId == "alice" })
        }
    }

    @Test func messagePages() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let tickets = service(database)
            let id = try await tickets.open(draft("Chatty"), as: customer).ticket.id
            for index in 2...60 {
                _ = try await tickets.reply(to: id, content: "Message \(index)", as: customer)
            }
            let detail = try await tickets.detail(id, as: customer)
            #expect(detail.messages.map(\.seq) == Array(11...60))
            #expect(detail.hasOlderMessages)
            let older = try await tickets.messages(id, after: nil, before: 11, limit: 5, as: customer)
            #expect(older.map(\.seq) == [6, 7, 8, 9, 10])
            let newer = try await tickets.messages(id, after: 57, before: nil, limit: 50, as: customer)
            #expect(newer.map(\.seq) == [58, 59, 60])
        }
    }

    @Test func listFiltersSortsAndPages() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let priorities: [TicketPriority] = [.low, .urgent, .medium, .high, .urgent, .low, .medium]
            var ids: [String] = []
            for (index, priority) in priorities.enumerated() {
                let at = TemporaryDatabase.epoch.addingTimeInterval(Double(index) * 60)
                ids.append(try await service(database, at: at).open(draft("Ticket \(index)", priority: priority), as: customer).ticket.id)
            }
            let tickets = service(database, at: TemporaryDatabase.epoch.addingTimeInterval(3600))
            _ = try await tickets.update(ids[1], with: TicketPatch(assignee: .assign("sami")), as: agent)

            var query = TicketQuery()
            query.priorities = [.urgent]
            #expect(Set(try await tickets.list(query, as: agent).items.map(\.ticket.id)) == [ids[1], ids[4]])

            query = TicketQuery()
            query.assignee = .user("sami")
            #expect(try await tickets.list(query, as: agent).items.map(\.ticket.id) == [ids[1]])
            query.assignee = .unassigned
            query.statuses = [.open]
            #expect(try await tickets.list(query, as: agent).items.count == 6)

            query = TicketQuery()
            query.text = "ticket 3"
            #expect(try await tickets.list(query, as: agent).items.map(\.ticket.id) == [ids[3]])
            query.text = "TKT2311000"
            #expect(try await tickets.list(query, as: agent).items.count == 7)
            query.text = "%"
            #expect(try await tickets.list(query, as: agent).items.isEmpty)

            query = TicketQuery()
            query.sort = .createdAt
            query.order = .ascending
            query.limit = 3
            var seen: [String] = []
            repeat {
                let page = try await tickets.list(query, as: agent)
                seen += page.items.map(\.ticket.id)
                query.cursor = page.nextCursor
            } while query.cursor != nil
            #expect(seen == ids)

            query = TicketQuery()
            query.sort = .priority
            let ranks = try await tickets.list(query, as: agent).items.map(\.ticket.priority.rank)
            #expect(ranks == ranks.sorted(by: >))
        }
    }

    @Test func unreadCountsArePerReader() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            let admin = try await database.addUser("dana", .admin)
            let tickets = service(database)
            let id = try await tickets.open(draft("Printer"), as: customer).ticket.id
            _ = try await tickets.reply(to: id, content: "One", as: agent)
            _ = try await tickets.reply(to: id, content: "Two", as: agent)
            let forAgent = try await tickets.list(TicketQuery(), as: agent).items[0]
            #expect(forAgent.unreadCount == 1)
            #expect(forAgent.unreadByCustomer == 2)
            _ = try await tickets.markRead(id, upTo: nil, as: agent)
            #expect(try await tickets.list(TicketQuery(), as: agent).items[0].unreadCount == 0)
            #expect(try await tickets.list(TicketQuery(), as: admin).items[0].unreadCount == 3)
            _ = try await tickets.markRead(id, upTo: 2, as: customer)
            #expect(try await tickets.listOwn(TicketQuery(), as: customer).items[0].unreadCount == 1)
        }
    }

    @Test func dataSurvivesReopening() async throws {
        try await TemporaryDatabase.withSQLite { database in
            let customer = try await database.addUser("alice", .customer)
            let id = try await service(database).open(draft("Durable"), as: customer).ticket.id
            let second = try await TemporaryDatabase.open(try #require(database.path))
            let reopened = try await SQLTicketRepository(storage: second).find(reference: id)
            try await second.close()
            #expect(reopened?.title == "Durable")
        }
    }
}
