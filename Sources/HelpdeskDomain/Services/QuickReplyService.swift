import Foundation

/// Agents keep personal quick replies and use the shared ones, which admins keep; the chat asks for
/// them filled in for one ticket.
public struct QuickReplyService: Sendable {
    public static let shortcutLength = 1...32
    public static let maxPerUser = 500

    private let replies: any QuickReplyRepository
    private let tickets: TicketService
    private let clock: any HelpdeskClock
    private let maxTextLength: Int

    public init(replies: any QuickReplyRepository, tickets: TicketService, clock: any HelpdeskClock, maxTextLength: Int) {
        self.replies = replies
        self.tickets = tickets
        self.clock = clock
        self.maxTextLength = maxTextLength
    }

    /// The shared replies and the caller's own; with `ticketReference`, each text filled in for that ticket.
    public func list(as actor: User, filledFor ticketReference: String? = nil) async throws -> [(reply: QuickReply, expanded: String?)] {
        try authorize(actor)
        let visible = try await replies.visible(to: actor.id)
        guard let ticketReference else { return visible.map { ($0, nil) } }
        let ticket = try await tickets.summary(ticketReference, as: actor).ticket
        return visible.map { ($0, QuickReplyTemplate.expand($0.text, ticket: ticket, agent: actor)) }
    }

    public func create(_ draft: QuickReplyDraft, as actor: User) async throws -> QuickReply {
        try authorize(actor)
        guard let shortcut = draft.shortcut else { throw HelpdeskError.invalidField("shortcut", "is required") }
        guard let text = draft.text else { throw HelpdeskError.invalidField("text", "is required") }
        let shared = draft.shared ?? false
        try authorizeShared(shared, as: actor)
        guard try await replies.visible(to: actor.id).filter({ !$0.isShared }).count < Self.maxPerUser || shared else {
            throw HelpdeskError.conflict("You have \(Self.maxPerUser) quick replies; remove one first.")
        }
        let now = clock.now()
        let reply = QuickReply(
            id: RandomID.make(at: now), ownerId: shared ? nil : actor.id,
            shortcut: try Self.shortcut(shortcut), text: try checkedText(text), createdAt: now, updatedAt: now
        )
        try await replies.save(reply)
        return reply
    }

    public func update(id: String, _ draft: QuickReplyDraft, as actor: User) async throws -> QuickReply {
        var reply = try await editable(id, as: actor)
        if let shortcut = draft.shortcut { reply.shortcut = try Self.shortcut(shortcut) }
        if let text = draft.text { reply.text = try checkedText(text) }
        if let shared = draft.shared, shared != reply.isShared {
            try authorizeShared(true, as: actor)
            reply.ownerId = shared ? nil : actor.id
        }
        reply.updatedAt = clock.now()
        try await replies.save(reply)
        return reply
    }

    public func delete(id: String, as actor: User) async throws {
        _ = try await editable(id, as: actor)
        try await replies.delete(id: id)
    }

    /// A reply the actor may change: their own, or a shared one if they are an admin.
    private func editable(_ id: String, as actor: User) async throws -> QuickReply {
        try authorize(actor)
        guard let reply = try await replies.find(id: id), reply.isShared || reply.ownerId == actor.id else {
            throw HelpdeskError.notFound("Quick reply")
        }
        if reply.isShared { try authorizeShared(true, as: actor) }
        return reply
    }

    private func authorize(_ actor: User) throws {
        guard Permissions.canUseQuickReplies(as: actor) else { throw HelpdeskError.forbidden("Quick replies are for agents and admins.") }
    }

    private func authorizeShared(_ shared: Bool, as actor: User) throws {
        guard !shared || Permissions.canManageSharedQuickReplies(as: actor) else {
            throw HelpdeskError.forbidden("Only admins change shared quick replies.")
        }
    }

    private func checkedText(_ text: String) throws -> String {
        let text = try Validate.text(text, field: "text", maxLength: maxTextLength)
        try QuickReplyTemplate.check(text)
        return text
    }

    static func shortcut(_ text: String) throws -> String {
        let shortcut = Validate.trimmingWhiteSpace(text).lowercased()
        let allowed = shortcut.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        guard shortcutLength.contains(shortcut.count), allowed else {
            throw HelpdeskError.invalidField("shortcut", "must be 1 to 32 letters a–z, digits, - or _")
        }
        return shortcut
    }
}
