/// The one place that decides who may see, write and change what.
public enum Permissions {
    /// A ticket field that can be changed after creation.
    public enum TicketField: String, Sendable, CaseIterable {
        case status
        case priority
        case assignee
        case category
        case title
    }

    /// Staff see every ticket; a customer only their own.
    public static func canRead(_ ticket: Ticket, as user: User) -> Bool {
        user.role.isStaff || ticket.customerId == user.id
    }

    /// Whoever may read a ticket may reply in it.
    public static func canReply(to ticket: Ticket, as user: User) -> Bool {
        canRead(ticket, as: user)
    }

    /// The agents' list of all tickets.
    public static func canListAllTickets(as user: User) -> Bool {
        user.role.isStaff
    }

    /// Opening a ticket on a customer's behalf.
    public static func canCreateTicketForOthers(as user: User) -> Bool {
        user.role.isStaff
    }

    public static func canManageUsers(as user: User) -> Bool {
        user.role == .admin
    }

    /// Webhooks send every ticket's data elsewhere, so only admins set them up.
    public static func canManageWebhooks(as user: User) -> Bool {
        user.role == .admin
    }

    /// Staff change anything; a customer may retitle their own ticket and close or reopen it.
    public static func canChange(_ field: TicketField, of ticket: Ticket, as user: User) -> Bool {
        if user.role.isStaff { return true }
        guard ticket.customerId == user.id else { return false }
        return field == .title || field == .status
    }

    /// Which statuses a user may set (the transition itself is checked separately).
    public static func canSetStatus(_ status: TicketStatus, of ticket: Ticket, as user: User) -> Bool {
        guard canChange(.status, of: ticket, as: user) else { return false }
        return user.role.isStaff || status == .closed || status == .open
    }

    /// Exports hold every customer's tickets, so only staff take them.
    public static func canExport(as user: User) -> Bool {
        user.role.isStaff
    }

    /// Agents and admins keep and use quick replies.
    public static func canUseQuickReplies(as user: User) -> Bool {
        user.role.isStaff
    }

    /// Shared quick replies speak for the whole desk, so admins keep them.
    public static func canManageSharedQuickReplies(as user: User) -> Bool {
        user.role == .admin
    }

    /// Only the customer whose ticket it is rates how it was handled.
    public static func canRate(_ ticket: Ticket, as user: User) -> Bool {
        ticket.customerId == user.id
    }

    /// Only active agents and admins can be assigned.
    public static func canBeAssigned(_ user: User) -> Bool {
        user.role.isStaff && !user.isDisabled
    }
}
