import Foundation
import HelpdeskDomain
import Testing

@Suite struct NotificationRulesTests {
    let rules = NotificationRules(makeID: { "n" })
    let staff = [Fixtures.agent, Fixtures.admin, Fixtures.user("omar", .agent)]
    let now = Fixtures.epoch

    func recipients(_ event: TicketEvent) -> [String] {
        rules.notifications(for: event, staff: staff, now: now).map { "\($0.kind.rawValue)→\($0.userId)" }
    }

    func editor(_ actor: User) -> TicketEditor {
        TicketEditor(actor: actor, now: now, sla: SlaPolicy())
    }

    @Test func aNewTicketTellsEveryAgentAndAdmin() {
        let change = editor(Fixtures.customerA).open(NewTicket(title: "Help", category: "general", content: "Hi"), number: "TKT1", customer: Fixtures.customerA)
        #expect(recipients(.created(change)) == ["new_ticket→sami", "new_ticket→dana", "new_ticket→omar"])
        #expect(NotificationRules.mayNotify(.created(change)) && NotificationRules.needsStaff(.created(change)))
    }

    @Test func repliesGoToTheOtherSideAndOnlyToTheAssignee() throws {
        let assigned = Fixtures.ticket(status: .pending, assignee: Fixtures.agent)
        let fromCustomer = try editor(Fixtures.customerA).reply("More", to: assigned)
        #expect(recipients(.changed(fromCustomer, actor: Fixtures.customerA)) == ["customer_message→sami"])
        let fromAgent = try editor(Fixtures.agent).reply("Done", to: assigned)
        #expect(recipients(.changed(fromAgent, actor: Fixtures.agent)) == ["agent_reply→alice"])

        let unassigned = try editor(Fixtures.customerA).reply("Hello?", to: Fixtures.ticket())
        #expect(recipients(.changed(unassigned, actor: Fixtures.customerA)) == [])
        #expect(!NotificationRules.mayNotify(.changed(unassigned, actor: Fixtures.customerA)), "chat on unassigned tickets skips the work")
    }

    @Test func assigningTellsTheAssigneeUnlessTheyDidIt() throws {
        let byAdmin = try #require(try editor(Fixtures.admin).apply(TicketPatch(assignee: .assign("sami")), assignee: Fixtures.agent, to: Fixtures.ticket()))
        #expect(recipients(.changed(byAdmin, actor: Fixtures.admin)) == ["assigned→sami"])
        let selfAssigned = try #require(try editor(Fixtures.agent).apply(TicketPatch(assignee: .assign("sami")), assignee: Fixtures.agent, to: Fixtures.ticket()))
        #expect(recipients(.changed(selfAssigned, actor: Fixtures.agent)) == [])
    }

    @Test func slaAlertsGoToTheAssigneeOrElseToTheAdmins() throws {
        let late = TicketEditor(actor: .desk, now: now.addingTimeInterval(9 * 3600), sla: SlaPolicy())
        let unassigned = try #require(late.recordDueAlerts(on: Fixtures.ticket()))
        #expect(recipients(.changed(unassigned, actor: .desk)) == ["sla_warning→dana", "sla_breached→dana"])
        #expect(NotificationRules.needsStaff(.changed(unassigned, actor: .desk)))
        let owned = try #require(late.recordDueAlerts(on: Fixtures.ticket(status: .pending, assignee: Fixtures.agent)))
        #expect(recipients(.changed(owned, actor: .desk)) == ["sla_warning→sami", "sla_breached→sami"])
    }

    @Test func staffNamedInAnAgentsMessageAreToldOnce() throws {
        let ticket = Fixtures.ticket(status: .pending, assignee: Fixtures.agent)
        let asking = try editor(Fixtures.agent).reply("@Omar, and @DANA (dana@example.com): a look? Not @Samira, not @sami.", to: ticket)
        #expect(NotificationRules.needsStaff(.changed(asking, actor: Fixtures.agent)), "a message with an @ needs the staff list")
        #expect(recipients(.changed(asking, actor: Fixtures.agent)) == ["agent_reply→alice", "mention→dana", "mention→omar"])

        let fromCustomer = try editor(Fixtures.customerA).reply("@Omar please", to: ticket)
        #expect(!NotificationRules.needsStaff(.changed(fromCustomer, actor: Fixtures.customerA)))
        #expect(recipients(.changed(fromCustomer, actor: Fixtures.customerA)) == ["customer_message→sami"])
        let inAnAddress = try editor(Fixtures.agent).reply("Mail support@omar.example.com", to: ticket)
        #expect(recipients(.changed(inAnAddress, actor: Fixtures.agent)) == ["agent_reply→alice"])
    }
}
