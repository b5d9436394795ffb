import Foundation
import HelpdeskDomain
import Testing

@Suite struct TicketEditorTests {
    let now = Fixtures.epoch.addingTimeInterval(60)
    var agentEditor: TicketEditor { TicketEditor(actor: Fixtures.agent, now: now, sla: SlaPolicy()) }

    @Test func assigningAnOpenTicketMovesItToPending() throws {
        let change = try #require(try agentEditor.apply(TicketPatch(assignee: .assign("sami")), assignee: Fixtures.agent, to: Fixtures.ticket()))
        #expect(change.ticket.assigneeId == "sami")
        #expect(change.ticket.status == .pending)
        #expect(change.activities.map(\.kind) == [.assigned, .statusChanged])
        #expect(change.messages.allSatisfy { $0.sender == .system && $0.type == .system })
        #expect(change.messages.count == 2)
        #expect(change.ticket.updatedAt == now)
    }

    @Test func unassigningAPendingTicketReopensIt() throws {
        let ticket = Fixtures.ticket(status: .pending, assignee: Fixtures.agent)
        let change = try #require(try agentEditor.apply(TicketPatch(assignee: .unassign), assignee: nil, to: ticket))
        #expect(change.ticket.assigneeId == nil)
        #expect(change.ticket.status == .open)
    }

    @Test func explicitStatusWinsOverTheAutomaticMove() throws {
        let patch = TicketPatch(status: .resolved, assignee: .assign("sami"))
        let change = try #require(try agentEditor.apply(patch, assignee: Fixtures.agent, to: Fixtures.ticket()))
        #expect(change.ticket.status == .resolved)
        #expect(change.ticket.resolvedAt == now)
    }

    @Test func forbiddenTransitionThrows() {
        #expect(throws: HelpdeskError.invalidTransition(from: .resolved, to: .pending)) {
            try agentEditor.apply(TicketPatch(status: .pending), assignee: nil, to: Fixtures.ticket(status: .resolved))
        }
    }

    @Test func unchangedValuesChangeNothing() throws {
        let patch = TicketPatch(status: .open, priority: .medium, category: "technical", title: "Printer")
        #expect(try agentEditor.apply(patch, assignee: nil, to: Fixtures.ticket()) == nil)
    }

    @Test func everyChangeIsLogged() throws {
        let patch = TicketPatch(priority: .urgent, category: "billing", title: "Invoice")
        let change = try #require(try agentEditor.apply(patch, assignee: nil, to: Fixtures.ticket()))
        #expect(change.activities.map(\.kind) == [.titleChanged, .categoryChanged, .priorityChanged])
        #expect(change.activities.allSatisfy { $0.actorId == "sami" && $0.createdAt == now })
        #expect(change.activities[2].fromValue == "medium" && change.activities[2].toValue == "urgent")
    }

    @Test func customerReplyReopensAResolvedTicket() throws {
        let editor = TicketEditor(actor: Fixtures.customerA, now: now, sla: SlaPolicy())
        let change = try editor.reply("Still broken", to: Fixtures.ticket(status: .resolved))
        #expect(change.ticket.status == .open)
        #expect(change.messages.last?.sender == .customer)
        #expect(change.ticket.lastMessage == "Still broken")
    }

    @Test func agentReplyLeavesTheStatus() throws {
        let change = try agentEditor.reply("On it", to: Fixtures.ticket(status: .resolved))
        #expect(change.ticket.status == .resolved)
        #expect(change.messages.map(\.sender) == [.agent])
    }

    @Test func nobodyRepliesToAClosedTicket() {
        #expect(throws: HelpdeskError.self) { try agentEditor.reply("Hello?", to: Fixtures.ticket(status: .closed)) }
    }

    @Test func aNewPriorityMovesTheDeadline() throws {
        let editor = TicketEditor(actor: Fixtures.agent, now: now, sla: SlaPolicy())
        let change = try #require(try editor.apply(TicketPatch(priority: .urgent), assignee: nil, to: Fixtures.ticket()))
        #expect(change.ticket.slaDeadline == Fixtures.epoch.addingTimeInterval(4 * 3600))
    }

    @Test func openingRecordsTheFirstMessageAndActivity() {
        let fast = SlaTargets(firstResponse: 600, nextResponse: 900, resolution: 3600)
        let change = TicketEditor(actor: Fixtures.customerA, now: now, sla: SlaPolicy(targets: [.medium: fast])).open(
            NewTicket(title: "Help", category: "general", content: "It broke"), number: "TKT23110002",
            customer: Fixtures.customerA
        )
        #expect(change.ticket.slaDeadline == now.addingTimeInterval(3600))
        #expect(change.ticket.sla.firstResponseDue == now.addingTimeInterval(600))
        #expect(change.ticket.status == .open)
        #expect(change.ticket.customerId == "alice")
        #expect(change.messages.map(\.content) == ["It broke"])
        #expect(change.activities.map(\.kind) == [.created])
    }
}
