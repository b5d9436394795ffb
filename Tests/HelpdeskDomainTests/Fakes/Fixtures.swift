import Foundation
import HelpdeskDomain

/// Users and tickets for tests.
enum Fixtures {
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    static func user(_ id: String, _ role: Role, disabled: Bool = false) -> User {
        User(id: id, email: "\(id)@example.com", name: id.capitalized, role: role, isDisabled: disabled,
             createdAt: epoch, updatedAt: epoch)
    }

    static let customerA = user("alice", .customer)
    static let customerB = user("bob", .customer)
    static let agent = user("sami", .agent)
    static let admin = user("dana", .admin)

    static func ticket(owner: User = customerA, status: TicketStatus = .open, assignee: User? = nil) -> Ticket {
        Ticket(
            id: "t1", ticketNumber: "TKT23110001", title: "Printer", category: "technical",
            customerId: owner.id, customerName: owner.name, customerEmail: owner.email,
            status: status, priority: .medium, assigneeId: assignee?.id, assigneeName: assignee?.name,
            slaDeadline: epoch.addingTimeInterval(86_400), createdAt: epoch, updatedAt: epoch,
            sla: status.isActive ? TicketSla(firstResponseDue: epoch.addingTimeInterval(8 * 3600), resolutionStartedAt: epoch) : TicketSla()
        )
    }
}
