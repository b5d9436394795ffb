/// The fields a PATCH asks to change; nil leaves a field alone.
public struct TicketPatch: Sendable, Equatable {
    /// Assign someone, or remove the assignee.
    public enum AssigneeChange: Sendable, Equatable {
        case assign(String)
        case unassign
    }

    public var status: TicketStatus?
    public var priority: TicketPriority?
    public var assignee: AssigneeChange?
    public var category: String?
    public var title: String?

    public init(
        status: TicketStatus? = nil, priority: TicketPriority? = nil, assignee: AssigneeChange? = nil,
        category: String? = nil, title: String? = nil
    ) {
        self.status = status
        self.priority = priority
        self.assignee = assignee
        self.category = category
        self.title = title
    }

    /// The fields this patch touches, for permission checks.
    public var fields: [Permissions.TicketField] {
        var fields: [Permissions.TicketField] = []
        if status != nil { fields.append(.status) }
        if priority != nil { fields.append(.priority) }
        if assignee != nil { fields.append(.assignee) }
        if category != nil { fields.append(.category) }
        if title != nil { fields.append(.title) }
        return fields
    }
}
