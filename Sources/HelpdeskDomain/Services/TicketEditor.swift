import Foundation

/// Pure state changes of a ticket: each returns the new ticket with its activity entries and system messages.
public struct TicketEditor: Sendable {
    public var actor: User
    public var now: Date
    public var sla: SlaPolicy
    public var makeID: @Sendable () -> String

    public init(
        actor: User, now: Date, sla: SlaPolicy,
        makeID: @escaping @Sendable () -> String = { RandomID.make() }
    ) {
        self.actor = actor
        self.now = now
        self.sla = sla
        self.makeID = makeID
    }

    /// Applies a patch whose permissions were already checked; nil when nothing changes.
    /// A new priority moves the SLA deadlines to what that priority allows.
    /// An explicit status is checked against the current status; assigning someone to an open
    /// ticket without an explicit status moves it to pending.
    public func apply(_ patch: TicketPatch, assignee: User?, to ticket: Ticket) throws -> TicketChange? {
        var change = TicketChange(ticket: ticket)
        if let title = patch.title, title != ticket.title {
            change.ticket.title = title
            record(.titleChanged, from: ticket.title, to: title, in: &change)
        }
        if let category = patch.category, category != ticket.category {
            change.ticket.category = category
            record(.categoryChanged, from: ticket.category, to: category, in: &change)
        }
        if let priority = patch.priority, priority != ticket.priority {
            change.ticket.priority = priority
            clock.recompute(&change.ticket)
            record(.priorityChanged, from: ticket.priority.rawValue, to: priority.rawValue, in: &change)
        }
        if let status = patch.status, status != ticket.status {
            try move(to: status, in: &change)
        }
        switch patch.assignee {
        case .assign where assignee?.id == ticket.assigneeId, .unassign where ticket.assigneeId == nil, nil:
            break
        case .assign:
            guard let assignee else { preconditionFailure("an assign patch needs the assignee") }
            change.ticket.assigneeId = assignee.id
            change.ticket.assigneeName = assignee.name
            change.ticket.assigneeAvatar = assignee.avatarURL
            record(.assigned, from: ticket.assigneeName, to: assignee.name, in: &change)
            systemMessage("\(actor.name) assigned the ticket to \(assignee.name).", in: &change)
            if patch.status == nil, change.ticket.status == .open {
                try move(to: .pending, in: &change)
            }
        case .unassign:
            change.ticket.assigneeId = nil
            change.ticket.assigneeName = nil
            change.ticket.assigneeAvatar = nil
            record(.unassigned, from: ticket.assigneeName, to: nil, in: &change)
            systemMessage("\(actor.name) removed the assignee.", in: &change)
            if patch.status == nil, change.ticket.status == .pending {
                try move(to: .open, in: &change)
            }
        }
        guard !change.activities.isEmpty else { return nil }
        change.ticket.updatedAt = now
        return change
    }

    /// Adds a reply; a customer's reply to a resolved ticket reopens it.
    public func reply(_ content: String, attachments: [Attachment] = [], to ticket: Ticket) throws -> TicketChange {
        guard ticket.status != .closed else {
            throw HelpdeskError.conflict("The ticket is closed; reopen it to reply.")
        }
        var change = TicketChange(ticket: ticket)
        if actor.role == .customer, ticket.status == .resolved {
            try move(to: .open, in: &change)
        }
        let message = Message(
            id: makeID(), ticketId: ticket.id, content: content,
            sender: actor.role.isStaff ? .agent : .customer, senderId: actor.id, senderName: actor.name,
            type: attachments.isEmpty ? .text : .attachment, attachments: attachments, createdAt: now
        )
        append(message, to: &change)
        change.ticket.updatedAt = now
        return change
    }

    /// Rates the ticket's current resolution, or changes that rating within 7 days; nil when it
    /// would stay as it is. The caller checked that the actor is the ticket's customer.
    public func rate(score: Int, comment: String, on ticket: Ticket) throws -> TicketChange? {
        guard let resolvedAt = ticket.resolvedAt, ticket.status == .resolved || ticket.status == .closed else {
            throw HelpdeskError.conflict("Only a resolved ticket can be rated.")
        }
        var change = TicketChange(ticket: ticket)
        if let earlier = ticket.rating, earlier.rates(ticket) {
            guard earlier.score != score || earlier.comment != comment else { return nil }
            guard now.timeIntervalSince(earlier.createdAt) <= TicketRating.changeableFor else {
                throw HelpdeskError.conflict("A rating can be changed for 7 days after it was given.")
            }
            change.ticket.rating = TicketRating(score: score, comment: comment, resolvedAt: resolvedAt, createdAt: earlier.createdAt, updatedAt: now)
            record(.ratingChanged, from: String(earlier.score), to: String(score), in: &change)
            if earlier.score != score {
                systemMessage("\(actor.name) changed the rating from \(earlier.score) to \(score) of 5.", in: &change)
            }
        } else {
            change.ticket.rating = TicketRating(score: score, comment: comment, resolvedAt: resolvedAt, createdAt: now, updatedAt: now)
            record(.rated, from: nil, to: String(score), in: &change)
            systemMessage("\(actor.name) rated the support \(score) of 5.", in: &change)
        }
        change.ticket.updatedAt = now
        return change
    }

    /// The first state of a new ticket: its first message and a `created` activity entry.
    public func open(_ draft: NewTicket, number: String, customer: User) -> TicketChange {
        var ticket = Ticket(
            id: makeID(), ticketNumber: number, title: draft.title, category: draft.category,
            customerId: customer.id, customerName: customer.name, customerEmail: customer.email,
            customerAvatar: customer.avatarURL, priority: draft.priority,
            slaDeadline: now, createdAt: now, updatedAt: now
        )
        clock.start(&ticket)
        var change = TicketChange(ticket: ticket)
        record(.created, from: nil, to: number, in: &change)
        let message = Message(
            id: makeID(), ticketId: ticket.id, content: draft.content,
            sender: actor.role.isStaff ? .agent : .customer, senderId: actor.id, senderName: actor.name,
            type: .text, createdAt: now
        )
        append(message, to: &change)
        return change
    }

    /// Records the SLA alerts due by now, each once, as activity entries of the desk; nil when none is due.
    public func recordDueAlerts(on ticket: Ticket) -> TicketChange? {
        let due = clock.dueAlerts(of: ticket)
        guard !due.isEmpty else { return nil }
        var change = TicketChange(ticket: ticket)
        for alert in due {
            change.ticket.sla.alerted.insert(alert)
            change.activities.append(Activity(
                id: makeID(), ticketId: ticket.id, kind: alert.kind == .warning ? .slaWarning : .slaBreached,
                actorId: nil, actorName: User.desk.name, fromValue: nil, toValue: alert.target.rawValue, createdAt: now
            ))
        }
        return change
    }

    /// When the next SLA alert of the ticket falls due, if any.
    public func nextAlert(of ticket: Ticket) -> Date? {
        clock.nextAlert(of: ticket)
    }

    private func move(to status: TicketStatus, in change: inout TicketChange) throws {
        let from = change.ticket.status
        guard from.canTransition(to: status) else {
            throw HelpdeskError.invalidTransition(from: from, to: status)
        }
        change.ticket.status = status
        switch status {
        case .resolved: change.ticket.resolvedAt = now
        case .closed: change.ticket.closedAt = now
        case .open: change.ticket.resolvedAt = nil; change.ticket.closedAt = nil
        case .pending: break
        }
        clock.statusChanged(from: from, &change.ticket)
        record(.statusChanged, from: from.rawValue, to: status.rawValue, in: &change)
        systemMessage("\(actor.name) changed the status from \(from.rawValue) to \(status.rawValue).", in: &change)
    }

    private func record(_ kind: Activity.Kind, from: String?, to: String?, in change: inout TicketChange) {
        change.activities.append(Activity(
            id: makeID(), ticketId: change.ticket.id, kind: kind, actorId: actor.id, actorName: actor.name,
            fromValue: from, toValue: to, createdAt: now
        ))
    }

    /// A system message carries the id of whoever caused it, so it is not unread for them.
    private func systemMessage(_ text: String, in change: inout TicketChange) {
        append(Message(
            id: makeID(), ticketId: change.ticket.id, content: text, sender: .system,
            senderId: actor.id, senderName: "System", type: .system, createdAt: now
        ), to: &change)
    }

    private var clock: SlaClock {
        SlaClock(policy: sla, now: now)
    }

    private func append(_ message: Message, to change: inout TicketChange) {
        change.messages.append(message)
        clock.messageAdded(by: message.sender, to: &change.ticket)
        let preview = message.content.isEmpty ? message.attachments.map { "📎 " + $0.name }.joined(separator: ", ") : message.content
        change.ticket.lastMessage = String(preview.prefix(200))
        change.ticket.lastMessageAt = message.createdAt
    }
}
