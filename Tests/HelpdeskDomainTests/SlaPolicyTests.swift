import Foundation
import HelpdeskDomain
import Testing

@Suite struct SlaPolicyTests {
    let created = Date(timeIntervalSince1970: 1_700_000_000)

    @Test(arguments: TicketPriority.allCases)
    func defaultIsTwentyFourHoursForEveryPriority(priority: TicketPriority) {
        #expect(SlaPolicy().deadline(createdAt: created, priority: priority) == created.addingTimeInterval(86_400))
    }

    @Test func perPriorityOverridesReplaceTheDefault() {
        let policy = SlaPolicy(defaultDuration: 48 * 3600, perPriority: [.urgent: 4 * 3600, .high: 8 * 3600])
        #expect(policy.deadline(createdAt: created, priority: .urgent) == created.addingTimeInterval(4 * 3600))
        #expect(policy.deadline(createdAt: created, priority: .high) == created.addingTimeInterval(8 * 3600))
        #expect(policy.deadline(createdAt: created, priority: .medium) == created.addingTimeInterval(48 * 3600))
        #expect(policy.deadline(createdAt: created, priority: .low) == created.addingTimeInterval(48 * 3600))
    }
}
