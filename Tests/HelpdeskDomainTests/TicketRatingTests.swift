import Foundation
import HelpdeskDomain
import Testing

@Suite struct TicketRatingTests {
    let resolvedAt = Fixtures.epoch.addingTimeInterval(3600)

    func editor(_ actor: User = Fixtures.customerA, at time: Date) -> TicketEditor {
        TicketEditor(actor: actor, now: time, sla: SlaPolicy())
    }

    func resolved() throws -> Ticket {
        try #require(try editor(Fixtures.agent, at: resolvedAt).apply(TicketPatch(status: .resolved), assignee: nil, to: Fixtures.ticket())).ticket
    }

    @Test func aResolvedTicketIsRatedOnceAndTheRatingCanChangeForSevenDays() throws {
        let rating = try #require(try editor(at: resolvedAt.addingTimeInterval(60)).rate(score: 4, comment: "Quick", on: try resolved()))
        #expect(rating.ticket.rating == TicketRating(score: 4, comment: "Quick", resolvedAt: resolvedAt,
                                                     createdAt: resolvedAt.addingTimeInterval(60), updatedAt: resolvedAt.addingTimeInterval(60)))
        #expect(rating.activities.map(\.kind) == [.rated] && rating.activities[0].toValue == "4")
        #expect(rating.messages.map(\.content) == ["Alice rated the support 4 of 5."])
        #expect(WebhookEvent.events(in: rating, isNew: false).map(\.type) == [.ratingCreated])

        let sixDaysOn = resolvedAt.addingTimeInterval(6 * 24 * 3600)
        let changed = try #require(try editor(at: sixDaysOn).rate(score: 2, comment: "It broke again", on: rating.ticket))
        #expect(changed.ticket.rating?.score == 2 && changed.ticket.rating?.createdAt == resolvedAt.addingTimeInterval(60))
        #expect(changed.ticket.rating?.updatedAt == sixDaysOn)
        #expect(changed.activities.map { "\($0.kind.rawValue) \($0.fromValue ?? "") \($0.toValue ?? "")" } == ["rating_changed 4 2"])
        #expect(WebhookEvent.events(in: changed, isNew: false).map(\.type) == [.ticketUpdated])
        #expect(try editor(at: sixDaysOn).rate(score: 2, comment: "It broke again", on: changed.ticket) == nil, "the same rating changes nothing")

        let eightDaysOn = resolvedAt.addingTimeInterval(8 * 24 * 3600)
        #expect(throws: HelpdeskError.conflict("A rating can be changed for 7 days after it was given.")) {
            try editor(at: eightDaysOn).rate(score: 5, comment: "", on: changed.ticket)
        }
    }

    @Test func onlyAResolutionCanBeRatedAndEachResolutionAnew() throws {
        #expect(throws: HelpdeskError.conflict("Only a resolved ticket can be rated.")) {
            try editor(at: resolvedAt).rate(score: 5, comment: "", on: Fixtures.ticket(status: .pending, assignee: Fixtures.agent))
        }
        let rated = try #require(try editor(at: resolvedAt).rate(score: 5, comment: "", on: try resolved())).ticket
        let reopened = try #require(try editor(at: resolvedAt.addingTimeInterval(60)).apply(TicketPatch(status: .open), assignee: nil, to: rated)).ticket
        #expect(reopened.rating?.rates(reopened) == false, "the rating stays, of the earlier resolution")
        #expect(throws: HelpdeskError.conflict("Only a resolved ticket can be rated.")) {
            try editor(at: resolvedAt.addingTimeInterval(120)).rate(score: 1, comment: "", on: reopened)
        }
        let later = resolvedAt.addingTimeInterval(30 * 24 * 3600)
        let resolvedAgain = try #require(try editor(Fixtures.agent, at: later).apply(TicketPatch(status: .resolved), assignee: nil, to: reopened)).ticket
        let again = try #require(try editor(at: later).rate(score: 3, comment: "", on: resolvedAgain))
        #expect(again.activities.map(\.kind) == [.rated], "a new resolution gets a new rating, long after the first")
        #expect(again.ticket.rating?.resolvedAt == later)
    }
}
