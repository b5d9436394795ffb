import Foundation
import HelpdeskDomain
import Testing

@Suite struct WebhookEventTests {
    let now = Fixtures.epoch

    func editor(_ actor: User, at time: Date? = nil) -> TicketEditor {
        TicketEditor(actor: actor, now: time ?? now, sla: SlaPolicy())
    }

    func types(_ change: TicketChange, isNew: Bool = false) -> [String] {
        WebhookEvent.events(in: change, isNew: isNew).map(\.type.rawValue)
    }

    @Test func aNewTicketIsOneEventCarryingItsFirstMessage() throws {
        let change = editor(Fixtures.customerA).open(NewTicket(title: "Help", category: "general", content: "Hi"), number: "TKT1", customer: Fixtures.customerA)
        let events = WebhookEvent.events(in: change, isNew: true)
        #expect(events.map(\.type) == [.ticketCreated])
        #expect(events[0].messages.map(\.content) == ["Hi"])
        #expect(events[0].occurredAt == now)
    }

    @Test func aReplyIsAMessageEvent() throws {
        let change = try editor(Fixtures.agent).reply("On it", to: Fixtures.ticket())
        let events = WebhookEvent.events(in: change, isNew: false)
        #expect(events.map(\.type) == [.messageCreated])
        #expect(events[0].messages.map(\.content) == ["On it"])
    }

    @Test func fieldChangesAreOneUpdateAndAssignmentsTheirOwnInTheOrderTheyHappened() throws {
        let assigning = try #require(try editor(Fixtures.admin).apply(
            TicketPatch(priority: .urgent, assignee: .assign("sami"), title: "Printer on fire"), assignee: Fixtures.agent, to: Fixtures.ticket()
        ))
        #expect(assigning.messages.allSatisfy { $0.sender == .system }, "the system's notes are not message events")
        let events = WebhookEvent.events(in: assigning, isNew: false)
        let kinds = assigning.activities.map(\.kind)
        let firstUpdate = try #require(kinds.firstIndex { $0 != .assigned })
        let assignment = try #require(kinds.firstIndex(of: .assigned))
        #expect(events.map(\.type) == (assignment < firstUpdate ? [.ticketAssigned, .ticketUpdated] : [.ticketUpdated, .ticketAssigned]))
        let update = try #require(events.first { $0.type == .ticketUpdated })
        #expect(Set(update.activities.map(\.kind)) == Set(kinds).subtracting([.assigned]))
        #expect(events.first { $0.type == .ticketAssigned }?.activities.map(\.toValue) == [Fixtures.agent.name])

        let unassigning = try #require(try editor(Fixtures.admin).apply(
            TicketPatch(assignee: .unassign), assignee: nil, to: Fixtures.ticket(status: .pending, assignee: Fixtures.agent)
        ))
        #expect(types(unassigning) == ["ticket.assigned", "ticket.updated"], "unassigning a pending ticket reopens it")
    }

    @Test func slaAlertsAreEventsOfTheirOwn() throws {
        let opened = editor(Fixtures.customerA).open(
            NewTicket(title: "Down", category: "general", priority: .urgent, content: "All down"), number: "TKT2", customer: Fixtures.customerA
        ).ticket
        let late = try #require(editor(Fixtures.customerA, at: now.addingTimeInterval(2 * 3600)).recordDueAlerts(on: opened))
        #expect(types(late) == late.activities.map { $0.kind == .slaWarning ? "sla.warning" : "sla.breached" })
        #expect(Set(types(late)) == ["sla.warning", "sla.breached"])
        #expect(WebhookEvent.events(in: late, isNew: false).allSatisfy { $0.activities.count == 1 })
    }

    @Test func readingOrAChangeWithoutEventsMakesNone() {
        #expect(types(TicketChange(ticket: Fixtures.ticket())).isEmpty)
    }
}
