import HelpdeskDomain
import Testing

@Suite struct PermissionsTests {
    typealias Field = Permissions.TicketField
    let ticket = Fixtures.ticket(owner: Fixtures.customerA)

    @Test func readingAndReplying() {
        for (user, expected) in [(Fixtures.customerA, true), (Fixtures.customerB, false), (Fixtures.agent, true), (Fixtures.admin, true)] {
            #expect(Permissions.canRead(ticket, as: user) == expected, "read as \(user.id)")
            #expect(Permissions.canReply(to: ticket, as: user) == expected, "reply as \(user.id)")
        }
    }

    @Test func deskWideActions() {
        for (user, staff, admin) in [(Fixtures.customerA, false, false), (Fixtures.agent, true, false), (Fixtures.admin, true, true)] {
            #expect(Permissions.canListAllTickets(as: user) == staff)
            #expect(Permissions.canCreateTicketForOthers(as: user) == staff)
            #expect(Permissions.canManageUsers(as: user) == admin)
        }
    }

    @Test func changingFields() {
        let table: [(User, Set<Field>)] = [
            (Fixtures.customerA, [.title, .status]),
            (Fixtures.customerB, []),
            (Fixtures.agent, Set(Field.allCases)),
            (Fixtures.admin, Set(Field.allCases)),
        ]
        for (user, allowed) in table {
            for field in Field.allCases {
                #expect(Permissions.canChange(field, of: ticket, as: user) == allowed.contains(field), "\(field) as \(user.id)")
            }
        }
    }

    @Test func customersOnlyCloseOrReopen() {
        for status in TicketStatus.allCases {
            #expect(Permissions.canSetStatus(status, of: ticket, as: Fixtures.customerA) == [.closed, .open].contains(status))
            #expect(!Permissions.canSetStatus(status, of: ticket, as: Fixtures.customerB))
            #expect(Permissions.canSetStatus(status, of: ticket, as: Fixtures.agent))
        }
    }

    @Test func onlyActiveStaffCanBeAssigned() {
        #expect(Permissions.canBeAssigned(Fixtures.agent))
        #expect(Permissions.canBeAssigned(Fixtures.admin))
        #expect(!Permissions.canBeAssigned(Fixtures.customerA))
        #expect(!Permissions.canBeAssigned(Fixtures.user("gone", .agent, disabled: true)))
    }
}
