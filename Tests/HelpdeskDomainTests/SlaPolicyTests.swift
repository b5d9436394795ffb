import Foundation
import HelpdeskDomain
import Testing

/// Targets, business hours and the three clocks, on an injected "now" (no waiting).
@Suite struct SlaPolicyTests {
    static let hour: TimeInterval = 3600
    /// Sunday 2026-11-01 00:00 UTC.
    static let sunday = Date(timeIntervalSince1970: 1_793_491_200)

    /// Monday to Friday, 09:00–17:00 in `zone`.
    static func officeHours(_ zone: String = "UTC", holidays: Set<String> = []) throws -> BusinessHours {
        try BusinessHours(
            timeZone: TimeZone(identifier: zone)!,
            intervals: (2...6).map { BusinessHours.Interval(weekday: $0, start: 9 * 60, end: 17 * 60) }, holidays: holidays
        )
    }

    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        sunday.addingTimeInterval(TimeInterval(day) * 86_400 + TimeInterval(hour) * 3600 + TimeInterval(minute) * 60)
    }

    @Test func defaultTargetsFollowPriority() {
        let policy = SlaPolicy()
        #expect(policy.targets(for: .urgent) == SlaTargets(firstResponse: 1 * Self.hour, nextResponse: 1 * Self.hour, resolution: 4 * Self.hour))
        #expect(policy.targets(for: .high) == SlaTargets(firstResponse: 4 * Self.hour, nextResponse: 4 * Self.hour, resolution: 12 * Self.hour))
        #expect(policy.targets(for: .medium) == SlaTargets(firstResponse: 8 * Self.hour, nextResponse: 8 * Self.hour, resolution: 24 * Self.hour))
        #expect(policy.targets(for: .low) == SlaTargets(firstResponse: 24 * Self.hour, nextResponse: 24 * Self.hour, resolution: 72 * Self.hour))
        #expect(policy.deadline(after: 5 * Self.hour, from: Self.sunday) == Self.sunday.addingTimeInterval(5 * Self.hour))
    }

    @Test func businessHoursCountOnlyOpeningTime() throws {
        let hours = try Self.officeHours()
        // Monday 16:00 + 2 h → 1 h on Monday, 1 h from Tuesday 09:00.
        #expect(hours.adding(2 * Self.hour, to: Self.at(1, 16)) == Self.at(2, 10))
        // Friday 16:30 + 1 h → Monday 09:30.
        #expect(hours.adding(Self.hour, to: Self.at(5, 16, 30)) == Self.at(8, 9, 30))
        // Saturday night: the clock starts on Monday morning.
        #expect(hours.adding(30 * 60, to: Self.at(6, 23)) == Self.at(8, 9, 30))
        // Exactly a day's work ends at closing time, not the next morning.
        #expect(hours.adding(8 * Self.hour, to: Self.at(1, 9)) == Self.at(1, 17))
        #expect(hours.workingSeconds(from: Self.at(5, 16, 30), to: Self.at(8, 9, 30)) == Self.hour)
        #expect(hours.workingSeconds(from: Self.at(1, 0), to: Self.at(8, 0)) == 40 * Self.hour)
        #expect(hours.workingSeconds(from: Self.at(2, 0), to: Self.at(1, 0)) == 0)
    }

    @Test func holidaysAndTimeZonesAreHonoured() throws {
        let hours = try Self.officeHours(holidays: ["2026-11-03"])
        // Monday 16:00 + 2 h skips Tuesday the 3rd.
        #expect(hours.adding(2 * Self.hour, to: Self.at(1, 16)) == Self.at(3, 10))
        // Riyadh is UTC+3: 09:00 there is 06:00 UTC.
        let riyadh = try Self.officeHours("Asia/Riyadh")
        #expect(riyadh.adding(Self.hour, to: Self.at(1, 0)) == Self.at(1, 7))
    }

    @Test func openingTimesFollowTheLocalClockAcrossASummerTimeChange() throws {
        // Europe/Berlin leaves summer time on Sunday 2026-10-25 (UTC+2 → UTC+1).
        let berlin = try Self.officeHours("Europe/Berlin")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin.timeZone
        func local(_ day: Int, _ hour: Int) -> Date {
            calendar.date(from: DateComponents(year: 2026, month: 10, day: day, hour: hour))!
        }
        // Friday 15:00 + 4 h → 2 h on Friday, then Monday 09:00–11:00 local time.
        #expect(berlin.adding(4 * Self.hour, to: local(23, 15)) == local(26, 11))
        #expect(berlin.workingSeconds(from: local(23, 15), to: local(26, 11)) == 4 * Self.hour)
    }

    @Test func invalidSchedulesAreRefused() {
        #expect(throws: HelpdeskError.self) { try BusinessHours(timeZone: .gmt, intervals: []) }
        #expect(throws: HelpdeskError.self) { try BusinessHours(timeZone: .gmt, intervals: [.init(weekday: 8, start: 0, end: 60)]) }
        #expect(throws: HelpdeskError.self) { try BusinessHours(timeZone: .gmt, intervals: [.init(weekday: 2, start: 600, end: 600)]) }
        #expect(throws: HelpdeskError.self) { try BusinessHours(timeZone: .gmt, intervals: [.init(weekday: 2, start: 0, end: 60)], holidays: ["25/12"]) }
    }
}

/// The clocks as a conversation goes on, through `TicketEditor`.
@Suite struct SlaClockTests {
    static let hour: TimeInterval = 3600
    let created = Fixtures.epoch

    func editor(_ actor: User, after hours: Double, _ policy: SlaPolicy = SlaPolicy()) -> TicketEditor {
        TicketEditor(actor: actor, now: created.addingTimeInterval(hours * Self.hour), sla: policy)
    }

    func opened(_ policy: SlaPolicy = SlaPolicy(), priority: TicketPriority = .medium) -> Ticket {
        editor(Fixtures.customerA, after: 0, policy).open(
            NewTicket(title: "Printer", category: "general", priority: priority, content: "It jams"), number: "TKT23110001",
            customer: Fixtures.customerA
        ).ticket
    }

    @Test func aNewTicketRunsFirstResponseAndResolution() {
        let ticket = opened()
        #expect(ticket.sla.firstResponseDue == created.addingTimeInterval(8 * Self.hour))
        #expect(ticket.sla.nextResponseDue == nil)
        #expect(ticket.slaDeadline == created.addingTimeInterval(24 * Self.hour))
    }

    @Test func repliesStopAndStartTheResponseClocks() throws {
        var ticket = try editor(Fixtures.agent, after: 1).reply("Looking", to: opened()).ticket
        #expect(ticket.sla.firstResponseDue == nil)
        #expect(ticket.sla.firstRespondedAt == created.addingTimeInterval(Self.hour))
        #expect(ticket.sla.nextResponseDue == nil)

        ticket = try editor(Fixtures.customerA, after: 2).reply("Still jams", to: ticket).ticket
        #expect(ticket.sla.nextResponseDue == created.addingTimeInterval(10 * Self.hour))
        ticket = try editor(Fixtures.customerA, after: 3).reply("Hello?", to: ticket).ticket
        #expect(ticket.sla.nextResponseDue == created.addingTimeInterval(10 * Self.hour), "waiting since the first unanswered message")

        ticket = try editor(Fixtures.agent, after: 4).reply("Try this", to: ticket).ticket
        #expect(ticket.sla.nextResponseDue == nil)
        #expect(ticket.sla.firstRespondedAt == created.addingTimeInterval(Self.hour))
    }

    @Test func aCustomerMessageBeforeAnyReplyLeavesItToTheFirstResponseClock() throws {
        let ticket = try editor(Fixtures.customerA, after: 1).reply("More detail", to: opened()).ticket
        #expect(ticket.sla.nextResponseDue == nil)
        #expect(ticket.sla.firstResponseDue == created.addingTimeInterval(8 * Self.hour))
    }

    @Test func resolvingStopsTheClocksAndReopeningContinuesWhereTheyStood() throws {
        let resolved = try #require(try editor(Fixtures.agent, after: 10).apply(TicketPatch(status: .resolved), assignee: nil, to: opened()))
        #expect(resolved.ticket.sla.resolutionStartedAt == nil)
        #expect(resolved.ticket.sla.resolutionUsed == 10 * Self.hour)
        #expect(resolved.ticket.sla.firstResponseDue == nil)

        // Reopened by the customer's reply 30 hours later: 14 hours were left.
        let reopened = try editor(Fixtures.customerA, after: 40).reply("It is back", to: resolved.ticket).ticket
        #expect(reopened.status == .open)
        #expect(reopened.slaDeadline == created.addingTimeInterval(54 * Self.hour))
    }

    @Test func pendingDoesNotPauseAnything() throws {
        let pending = try #require(try editor(Fixtures.agent, after: 1).apply(TicketPatch(status: .pending), assignee: nil, to: opened()))
        #expect(pending.ticket.slaDeadline == created.addingTimeInterval(24 * Self.hour))
        #expect(pending.ticket.sla.firstResponseDue == created.addingTimeInterval(8 * Self.hour))
    }

    @Test func aNewPriorityRecomputesEveryRunningDeadline() throws {
        var ticket = try editor(Fixtures.agent, after: 1).reply("Looking", to: opened()).ticket
        ticket = try editor(Fixtures.customerA, after: 2).reply("Urgent now!", to: ticket).ticket
        let urgent = try #require(try editor(Fixtures.agent, after: 3).apply(TicketPatch(priority: .urgent), assignee: nil, to: ticket))
        #expect(urgent.ticket.sla.nextResponseDue == created.addingTimeInterval(3 * Self.hour))
        #expect(urgent.ticket.slaDeadline == created.addingTimeInterval(4 * Self.hour))
    }

    @Test func withBusinessHoursTheClocksRunOnlyInsideThem() throws {
        // Opened Friday 16:00 UTC; office hours Monday–Friday 09:00–17:00 UTC.
        let friday = SlaPolicyTests.at(5, 16)
        let policy = SlaPolicy(businessHours: try SlaPolicyTests.officeHours())
        let open = TicketEditor(actor: Fixtures.customerA, now: friday, sla: policy).open(
            NewTicket(title: "Printer", category: "general", priority: .urgent, content: "It jams"), number: "TKT23110001",
            customer: Fixtures.customerA
        ).ticket
        #expect(open.sla.firstResponseDue == SlaPolicyTests.at(5, 17))
        #expect(open.slaDeadline == SlaPolicyTests.at(8, 12))
        // Resolved Monday 10:00 (2 working hours used), reopened Tuesday 16:00: 2 hours left.
        let resolved = try #require(try TicketEditor(actor: Fixtures.agent, now: SlaPolicyTests.at(8, 10), sla: policy)
            .apply(TicketPatch(status: .resolved), assignee: nil, to: open))
        #expect(resolved.ticket.sla.resolutionUsed == 2 * Self.hour)
        let reopened = try #require(try TicketEditor(actor: Fixtures.agent, now: SlaPolicyTests.at(9, 16), sla: policy)
            .apply(TicketPatch(status: .open), assignee: nil, to: resolved.ticket))
        #expect(reopened.ticket.slaDeadline == SlaPolicyTests.at(10, 10))
    }

    @Test func alertsFallDueAt80PercentAndAtTheDeadlineAndAreRecordedOnce() throws {
        let ticket = opened(priority: .urgent)
        #expect(editor(Fixtures.agent, after: 0).nextAlert(of: ticket) == created.addingTimeInterval(0.8 * Self.hour))
        #expect(editor(Fixtures.agent, after: 0.7).recordDueAlerts(on: ticket) == nil)

        let warned = try #require(editor(Fixtures.agent, after: 0.8).recordDueAlerts(on: ticket))
        #expect(warned.activities.map(\.kind) == [.slaWarning])
        #expect(warned.activities.map(\.toValue) == ["firstResponse"])
        #expect(warned.activities.allSatisfy { $0.actorId == nil && $0.actorName == "Helpdesk" })
        #expect(editor(Fixtures.agent, after: 0.9).recordDueAlerts(on: warned.ticket) == nil, "a warning is recorded once")
        #expect(editor(Fixtures.agent, after: 0.9).nextAlert(of: warned.ticket) == created.addingTimeInterval(Self.hour))

        // Long past every deadline: what is due comes in the order it fell due, then nothing more.
        let late = try #require(editor(Fixtures.agent, after: 5).recordDueAlerts(on: warned.ticket))
        #expect(late.activities.map(\.kind) == [.slaBreached, .slaWarning, .slaBreached])
        #expect(late.activities.map(\.toValue) == ["firstResponse", "resolution", "resolution"])
        #expect(editor(Fixtures.agent, after: 6).recordDueAlerts(on: late.ticket) == nil)
        #expect(editor(Fixtures.agent, after: 6).nextAlert(of: late.ticket) == nil)
    }

    @Test func aReplyEndsTheFirstResponseAlertsAndAWaitingCustomerStartsNewOnes() throws {
        var ticket = try editor(Fixtures.agent, after: 0.5).reply("Looking", to: opened(priority: .urgent)).ticket
        #expect(editor(Fixtures.agent, after: 0.5).nextAlert(of: ticket) == created.addingTimeInterval(3.2 * Self.hour), "resolution warning")
        ticket = try editor(Fixtures.customerA, after: 1).reply("Any news?", to: ticket).ticket
        #expect(editor(Fixtures.agent, after: 1).nextAlert(of: ticket) == created.addingTimeInterval(1.8 * Self.hour), "next-response warning")
    }
}
