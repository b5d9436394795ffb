import Foundation

/// The ticket use cases shared by REST and realtime: open, list, read, change, reply, mark read.
public struct TicketService: Sendable {
    public static let detailMessageLimit = 50
    public static let maxMessagePage = 200

    private let tickets: any TicketRepository
    private let users: any UserRepository
    private let clock: any HelpdeskClock
    private let settings: DeskSettings
    private let slaPolicies: any SlaPolicySource
    private let events: any TicketEventPublisher

    public init(
        tickets: any TicketRepository, users: any UserRepository, clock: any HelpdeskClock, settings: DeskSettings,
        slaPolicies: (any SlaPolicySource)? = nil, events: any TicketEventPublisher = DiscardedTicketEvents()
    ) {
        self.slaPolicies = slaPolicies ?? FixedSlaPolicy(settings.sla)
        self.tickets = tickets
        self.users = users
        self.clock = clock
        self.settings = settings
        self.events = events
    }

    /// Opens a ticket for the actor, or — for staff — on behalf of `customerId`.
    public func open(_ draft: NewTicket, as actor: User, forCustomer customerId: String? = nil) async throws -> TicketView {
        let customer: User
        if let customerId {
            guard Permissions.canCreateTicketForOthers(as: actor) else {
                throw HelpdeskError.forbidden("Only agents and admins open tickets for others.")
            }
            guard let found = try await users.find(id: customerId), found.role == .customer, !found.isDisabled else {
                throw HelpdeskError.invalidField("customerId", "must be an active customer")
            }
            customer = found
        } else {
            customer = actor
        }
        let draft = NewTicket(
            title: try Validate.text(draft.title, field: "title", maxLength: settings.maxTitleLength),
            category: try validCategory(draft.category),
            priority: draft.priority,
            content: try Validate.text(draft.content, field: "content", maxLength: settings.maxMessageLength)
        )
        let now = clock.now()
        let period = TicketNumber.period(of: now)
        let editor = TicketEditor(actor: actor, now: now, sla: slaPolicies.current())
        let change = try await tickets.create(period: period) { sequence in
            editor.open(draft, number: TicketNumber.make(period: period, sequence: sequence), customer: customer)
        }
        events.publish(.created(change))
        return try await view(change.ticket.id, as: actor)
    }

    /// All tickets, for staff.
    public func list(_ query: TicketQuery, as actor: User) async throws -> TicketPage {
        guard Permissions.canListAllTickets(as: actor) else {
            throw HelpdeskError.forbidden("Only agents and admins list all tickets.")
        }
        return try await tickets.list(query, viewerId: actor.id)
    }

    /// The actor's own tickets.
    public func listOwn(_ query: TicketQuery, as actor: User) async throws -> TicketPage {
        var query = query
        query.customerId = actor.id
        return try await tickets.list(query, viewerId: actor.id)
    }

    /// Counts for the actor's list: every ticket for staff, their own for a customer.
    public func stats(as actor: User) async throws -> TicketStats {
        let now = clock.now()
        return try await tickets.stats(
            customerId: Permissions.canListAllTickets(as: actor) ? nil : actor.id, viewerId: actor.id,
            now: now, dueSoonBefore: now.addingTimeInterval(TicketStats.dueSoonWindow)
        )
    }

    /// One ticket as it appears in the actor's list, without its conversation.
    public func summary(_ reference: String, as actor: User) async throws -> TicketView {
        try await view(try await readable(reference, as: actor).id, as: actor)
    }

    public func detail(_ reference: String, as actor: User) async throws -> TicketDetail {
        let ticket = try await readable(reference, as: actor)
        let messages = try await tickets.messages(ticketId: ticket.id, after: nil, before: nil, limit: Self.detailMessageLimit)
        return TicketDetail(
            view: try await view(ticket.id, as: actor),
            messages: messages,
            hasOlderMessages: (messages.first?.seq ?? 1) > 1,
            activities: try await tickets.activities(ticketId: ticket.id),
            readCursors: try await tickets.readCursors(ticketId: ticket.id)
        )
    }

    public func messages(_ reference: String, after: Int?, before: Int?, limit: Int, as actor: User) async throws -> [Message] {
        guard after == nil || before == nil else {
            throw HelpdeskError.invalidField("after", "cannot be combined with before")
        }
        guard (1...Self.maxMessagePage).contains(limit) else {
            throw HelpdeskError.invalidField("limit", "must be between 1 and \(Self.maxMessagePage)")
        }
        let ticket = try await readable(reference, as: actor)
        return try await tickets.messages(ticketId: ticket.id, after: after, before: before, limit: limit)
    }

    public func update(_ reference: String, with patch: TicketPatch, as actor: User) async throws -> TicketView {
        let ticket = try await readable(reference, as: actor)
        for field in patch.fields where !Permissions.canChange(field, of: ticket, as: actor) {
            throw HelpdeskError.forbidden("You may not change the \(field.rawValue) of this ticket.")
        }
        if let status = patch.status, !Permissions.canSetStatus(status, of: ticket, as: actor) {
            throw HelpdeskError.forbidden("You may not set the status to \(status.rawValue).")
        }
        var patch = patch
        if let title = patch.title {
            patch.title = try Validate.text(title, field: "title", maxLength: settings.maxTitleLength)
        }
        if let category = patch.category {
            patch.category = try validCategory(category)
        }
        var assignee: User?
        if case .assign(let assigneeId) = patch.assignee {
            guard let found = try await users.find(id: assigneeId), Permissions.canBeAssigned(found) else {
                throw HelpdeskError.invalidField("assigneeId", "must be an active agent or admin")
            }
            assignee = found
        }
        let editor = TicketEditor(actor: actor, now: clock.now(), sla: slaPolicies.current())
        let change = try await tickets.update(reference: ticket.id) { [patch, assignee] current in
            try editor.apply(patch, assignee: assignee, to: current)
        }
        if !change.activities.isEmpty { events.publish(.changed(change, actor: actor)) }
        return try await view(change.ticket.id, as: actor)
    }

    /// The ticket's customer rates its resolution (1–5, with an optional comment), or changes that
    /// rating within 7 days.
    public func rate(_ reference: String, score: Int, comment: String, as actor: User) async throws -> TicketView {
        guard TicketRating.scores.contains(score) else {
            throw HelpdeskError.invalidField("score", "must be a whole number from 1 to 5")
        }
        let comment = Validate.trimmingWhiteSpace(comment).isEmpty
            ? "" : try Validate.text(comment, field: "comment", maxLength: TicketRating.maxCommentLength)
        let ticket = try await readable(reference, as: actor)
        guard Permissions.canRate(ticket, as: actor) else { throw HelpdeskError.forbidden("Only the ticket's customer rates it.") }
        let editor = TicketEditor(actor: actor, now: clock.now(), sla: slaPolicies.current())
        let change = try await tickets.update(reference: ticket.id) { current in
            try editor.rate(score: score, comment: comment, on: current)
        }
        if !change.activities.isEmpty { events.publish(.changed(change, actor: actor)) }
        return try await view(change.ticket.id, as: actor)
    }

    /// Stores a reply and returns it with its sequence number; one transaction reads, checks and writes.
    /// `attachments` are files the actor uploaded to this ticket (`AttachmentService.resolve`); with
    /// them the text may be empty.
    public func reply(to reference: String, content: String, attachments: [StoredAttachment] = [], as actor: User) async throws -> Message {
        let content = attachments.isEmpty || !Validate.trimmingWhiteSpace(content).isEmpty
            ? try Validate.text(content, field: "content", maxLength: settings.maxMessageLength) : ""
        let editor = TicketEditor(actor: actor, now: clock.now(), sla: slaPolicies.current())
        let change = try await tickets.update(reference: reference) { current in
            guard Permissions.canReply(to: current, as: actor) else { throw HelpdeskError.notFound("Ticket") }
            guard attachments.allSatisfy({ $0.ticketId == current.id }) else {
                throw HelpdeskError.invalidField("attachments", "must be files uploaded to this ticket")
            }
            return try editor.reply(content, attachments: attachments.map(\.attachment), to: current)
        }
        guard let message = change.messages.last else { preconditionFailure("a reply stores one message") }
        events.publish(.changed(change, actor: actor))
        return message
    }

    /// Moves the actor's read position to `seq`, or to the newest message.
    public func markRead(_ reference: String, upTo seq: Int?, as actor: User) async throws -> ReadCursor {
        let ticket = try await readable(reference, as: actor)
        if let seq, seq < 0 {
            throw HelpdeskError.invalidField("seq", "must not be negative")
        }
        let position = min(seq ?? ticket.lastSeq, ticket.lastSeq)
        let cursor = try await tickets.markRead(ticketId: ticket.id, userId: actor.id, upTo: position, at: clock.now())
        events.publish(.read(cursor, reader: actor))
        return cursor
    }

    /// Records the SLA alerts of a ticket that are due by now, each once, and publishes them; answers
    /// when its next alert falls due (nil when none will).
    public func recordDueSlaAlerts(ticketId: String) async throws -> Date? {
        let editor = TicketEditor(actor: .desk, now: clock.now(), sla: slaPolicies.current())
        let change = try await tickets.update(reference: ticketId) { current in editor.recordDueAlerts(on: current) }
        if !change.activities.isEmpty { events.publish(.changed(change, actor: .desk)) }
        return editor.nextAlert(of: change.ticket)
    }

    /// When a ticket's next SLA alert falls due under the policy in force, if any.
    public func nextSlaAlert(of ticket: Ticket) -> Date? {
        TicketEditor(actor: .desk, now: clock.now(), sla: slaPolicies.current()).nextAlert(of: ticket)
    }

    /// The tickets whose SLA clocks run, for a scheduler starting up.
    public func ticketsWithRunningClocks() async throws -> [Ticket] {
        try await tickets.activeTickets()
    }

    /// A ticket the actor may read; anything else is "not found", so nobody learns that it exists.
    public func readable(_ reference: String, as actor: User) async throws -> Ticket {
        guard let ticket = try await tickets.find(reference: reference), Permissions.canRead(ticket, as: actor) else {
            throw HelpdeskError.notFound("Ticket")
        }
        return ticket
    }

    private func view(_ ticketId: String, as actor: User) async throws -> TicketView {
        guard let view = try await tickets.view(ticketId: ticketId, viewerId: actor.id) else {
            throw HelpdeskError.notFound("Ticket")
        }
        return view
    }

    private func validCategory(_ category: String) throws -> String {
        let category = category.trimmingCharacters(in: .whitespaces).lowercased()
        guard settings.categories.contains(category) else {
            throw HelpdeskError.invalidField("category", "must be one of \(settings.categories.joined(separator: ", "))")
        }
        return category
    }
}
