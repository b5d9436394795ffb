import Foundation
import HelpdeskDomain
import Testing

@Suite struct TicketServiceTests {
    let repository = InMemoryTicketRepository()
    let clock = TestClock()
    let service: TicketService

    init() {
        let users = InMemoryUserRepository([
            Fixtures.customerA, Fixtures.customerB, Fixtures.agent, Fixtures.admin,
            Fixtures.user("retired", .agent, disabled: true),
        ])
        service = TicketService(tickets: repository, users: users, clock: clock, settings: DeskSettings())
    }

    func open(_ title: String = "Printer jam", as user: User = Fixtures.customerA) async throws -> TicketView {
        try await service.open(NewTicket(title: title, category: "technical", priority: .high, content: "It jams"), as: user)
    }

    @Test func openingNumbersTheTicketAndSetsTheDeadline() async throws {
        let view = try await open()
        #expect(view.ticket.ticketNumber == "TKT23110001")
        #expect(view.ticket.slaDeadline == clock.now().addingTimeInterval(12 * 3600), "high: resolve within 12 hours")
        #expect(view.ticket.lastSeq == 1)
        #expect(view.unreadCount == 0)
    }

    @Test func twoHundredConcurrentCreationsGetDistinctNumbers() async throws {
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask { try await open("Ticket \(index)").ticket.ticketNumber }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(numbers).count == 200)
        #expect(numbers.allSatisfy { TicketNumber.looksLikeNumber($0) })
    }

    @Test func inputIsValidated() async throws {
        await #expect(throws: HelpdeskError.invalidField("title", "must not be empty")) {
            try await service.open(NewTicket(title: "  ", category: "general", content: "x"), as: Fixtures.customerA)
        }
        await #expect(throws: HelpdeskError.self) {
            try await service.open(NewTicket(title: "A", category: "weather", content: "x"), as: Fixtures.customerA)
        }
        await #expect(throws: HelpdeskError.invalidField("content", "must be at most 10000 characters")) {
            try await service.open(NewTicket(title: "A", category: "general", content: String(repeating: "x", count: 10_001)), as: Fixtures.customerA)
        }
    }

    @Test func staffOpenTicketsForCustomersOnly() async throws {
        let draft = NewTicket(title: "Phone call", category: "general", content: "Called about invoice")
        let view = try await service.open(draft, as: Fixtures.agent, forCustomer: "alice")
        #expect(view.ticket.customerId == "alice")
        await #expect(throws: HelpdeskError.self) { try await service.open(draft, as: Fixtures.customerA, forCustomer: "bob") }
        await #expect(throws: HelpdeskError.self) { try await service.open(draft, as: Fixtures.agent, forCustomer: "sami") }
    }

    @Test func otherCustomersSeeNothing() async throws {
        let view = try await open()
        await #expect(throws: HelpdeskError.notFound("Ticket")) { try await service.detail(view.ticket.id, as: Fixtures.customerB) }
        await #expect(throws: HelpdeskError.notFound("Ticket")) {
            try await service.reply(to: view.ticket.id, content: "hi", as: Fixtures.customerB)
        }
        await #expect(throws: HelpdeskError.self) { try await service.list(TicketQuery(), as: Fixtures.customerA) }
        #expect(try await service.listOwn(TicketQuery(), as: Fixtures.customerB).items.isEmpty)
    }

    @Test func customersCannotTriage() async throws {
        let id = try await open().ticket.id
        await #expect(throws: HelpdeskError.self) { try await service.update(id, with: TicketPatch(priority: .urgent), as: Fixtures.customerA) }
        await #expect(throws: HelpdeskError.self) { try await service.update(id, with: TicketPatch(status: .resolved), as: Fixtures.customerA) }
        let closed = try await service.update(id, with: TicketPatch(status: .closed), as: Fixtures.customerA)
        #expect(closed.ticket.status == .closed)
    }

    @Test func assigneeMustBeActiveStaff() async throws {
        let id = try await open().ticket.id
        for candidate in ["alice", "retired", "nobody"] {
            await #expect(throws: HelpdeskError.invalidField("assigneeId", "must be an active agent or admin")) {
                try await service.update(id, with: TicketPatch(assignee: .assign(candidate)), as: Fixtures.agent)
            }
        }
        let assigned = try await service.update(id, with: TicketPatch(assignee: .assign("dana")), as: Fixtures.agent)
        #expect(assigned.ticket.assigneeName == "Dana")
        #expect(assigned.ticket.status == .pending)
    }

    @Test func repliesAreNumberedAndCountedAsUnread() async throws {
        let id = try await open().ticket.id
        clock.advance(by: 5)
        let reply = try await service.reply(to: id, content: "Try turning it off and on", as: Fixtures.agent)
        #expect(reply.seq == 2)
        #expect(reply.sender == .agent)
        let customerView = try await service.detail(id, as: Fixtures.customerA).view
        #expect(customerView.unreadCount == 1)
        #expect(customerView.ticket.lastMessage == "Try turning it off and on")
        let cursor = try await service.markRead(id, upTo: 99, as: Fixtures.customerA)
        #expect(cursor.lastReadSeq == 2)
        #expect(try await service.detail(id, as: Fixtures.customerA).view.unreadCount == 0)
        #expect(try await service.markRead(id, upTo: 1, as: Fixtures.customerA).lastReadSeq == 2)
    }

    @Test func messagePagesAreBounded() async throws {
        let id = try await open().ticket.id
        await #expect(throws: HelpdeskError.self) { try await service.messages(id, after: nil, before: nil, limit: 0, as: Fixtures.agent) }
        await #expect(throws: HelpdeskError.self) { try await service.messages(id, after: 1, before: 3, limit: 10, as: Fixtures.agent) }
        #expect(try await service.messages(id, after: 0, before: nil, limit: 10, as: Fixtures.agent).count == 1)
    }

    @Test func ticketNumberWorksAsReference() async throws {
        let view = try await open()
        #expect(try await service.detail(view.ticket.ticketNumber, as: Fixtures.agent).view.ticket.id == view.ticket.id)
    }

    @Test func everyChangeFollowsThePolicyInForceWhenItHappens() async throws {
        let quick = SlaTargets(firstResponse: 60, nextResponse: 120, resolution: 600)
        let policies = FixedSlaPolicy(SlaPolicy(targets: [.low: quick, .medium: quick, .high: quick, .urgent: quick]))
        let service = TicketService(
            tickets: repository, users: InMemoryUserRepository([Fixtures.customerA, Fixtures.agent]), clock: clock,
            settings: DeskSettings(), slaPolicies: policies
        )
        let id = try await service.open(NewTicket(title: "Down", category: "general", content: "Help"), as: Fixtures.customerA).ticket.id
        clock.advance(by: 10)
        _ = try await service.reply(to: id, content: "Looking", as: Fixtures.agent)
        clock.advance(by: 10)
        _ = try await service.reply(to: id, content: "Thanks, and?", as: Fixtures.customerA)
        let ticket = try await service.detail(id, as: Fixtures.agent).view.ticket
        #expect(ticket.sla.firstRespondedAt == Fixtures.epoch.addingTimeInterval(10))
        #expect(ticket.sla.nextResponseDue == Fixtures.epoch.addingTimeInterval(20 + 120))
        #expect(ticket.slaDeadline == Fixtures.epoch.addingTimeInterval(600))
    }
}
