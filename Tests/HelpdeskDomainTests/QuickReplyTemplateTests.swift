import Foundation
import HelpdeskDomain
import Testing

@Suite struct QuickReplyTemplateTests {
    let ticket: Ticket = {
        var ticket = Fixtures.ticket()
        ticket.customerName = "Alice Customer"
        return ticket
    }()
    let agent = User(id: "sami", email: "sami@example.com", name: "Sami Agent", role: .agent, createdAt: Fixtures.epoch, updatedAt: Fixtures.epoch)

    @Test func placeholdersAreFilledInForTheTicketAndTheAgent() {
        let text = "Hi {{customer.firstName}}, about {{ ticket.number }} ({{ticket.title}}): done. {{agent.name}} / {{agent.firstName}} — {{customer.name}} <{{customer.email}}>"
        #expect(QuickReplyTemplate.expand(text, ticket: ticket, agent: agent)
            == "Hi Alice, about TKT23110001 (Printer): done. Sami Agent / Sami — Alice Customer <alice@example.com>")
    }

    @Test func unknownPlaceholdersAreRefusedByNameAndLeftAsTheyAreWhenFilling() throws {
        #expect(throws: HelpdeskError.self) { try QuickReplyTemplate.check("Dear {{customer.nmae}}") }
        do {
            try QuickReplyTemplate.check("Dear {{customer.nmae}}")
        } catch HelpdeskError.invalidField(let field, let reason) {
            #expect(field == "text" && reason.hasPrefix("{{customer.nmae}} is not a placeholder; use {{customer.name}}"))
        }
        try QuickReplyTemplate.check("Plain text, {single} braces and {{customer.name}}")
        #expect(QuickReplyTemplate.expand("{{nope}} and {{ticket.number", ticket: ticket, agent: agent) == "{{nope}} and {{ticket.number")
    }

    @Test func namesAreReadInOrder() {
        #expect(QuickReplyTemplate.names(in: "{{a}} x {{ b.c }}{{d}}") == ["a", "b.c", "d"])
    }
}
