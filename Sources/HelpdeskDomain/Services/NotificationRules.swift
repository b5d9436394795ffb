import Foundation

/// Who is told what about a committed ticket event. Nobody is told about their own doing.
public struct NotificationRules: Sendable {
    public var makeID: @Sendable () -> String

    public init(makeID: @escaping @Sendable () -> String = { RandomID.make() }) {
        self.makeID = makeID
    }

    /// The notifications an event causes; `staff` are the active agents and admins.
    public func notifications(for event: TicketEvent, staff: [User], now: Date) -> [UserNotification] {
        func note(_ kind: UserNotification.Kind, to userId: String, ticket: Ticket, actorName: String, detail: String?) -> UserNotification {
            UserNotification(
                id: makeID(), userId: userId, kind: kind, ticketId: ticket.id, ticketNumber: ticket.ticketNumber,
                ticketTitle: ticket.title, actorName: actorName, detail: detail, createdAt: now
            )
        }
        switch event {
        case .created(let change):
            let opener = change.messages.first?.senderId
            return staff.filter { $0.id != opener }.map { user in
                note(.newTicket, to: user.id, ticket: change.ticket, actorName: change.ticket.customerName, detail: change.messages.first.map(Self.preview))
            }
        case .changed(let change, let actor):
            let ticket = change.ticket
            var result: [UserNotification] = []
            for activity in change.activities {
                switch activity.kind {
                case .assigned:
                    if let assignee = ticket.assigneeId, assignee != actor.id {
                        result.append(note(.assigned, to: assignee, ticket: ticket, actorName: actor.name, detail: nil))
                    }
                case .slaWarning, .slaBreached:
                    let kind: UserNotification.Kind = activity.kind == .slaWarning ? .slaWarning : .slaBreached
                    let recipients = ticket.assigneeId.map { [$0] } ?? staff.filter { $0.role == .admin }.map(\.id)
                    result += recipients.map { note(kind, to: $0, ticket: ticket, actorName: activity.actorName, detail: activity.toValue) }
                default:
                    break
                }
            }
            for message in change.messages where message.senderId == actor.id {
                switch message.sender {
                case .customer:
                    if let assignee = ticket.assigneeId, assignee != actor.id {
                        result.append(note(.customerMessage, to: assignee, ticket: ticket, actorName: actor.name, detail: Self.preview(message)))
                    }
                case .agent:
                    if ticket.customerId != actor.id {
                        result.append(note(.agentReply, to: ticket.customerId, ticket: ticket, actorName: actor.name, detail: Self.preview(message)))
                    }
                    for colleague in Self.mentioned(in: message.content, among: staff) where colleague.id != actor.id {
                        result.append(note(.mention, to: colleague.id, ticket: ticket, actorName: actor.name, detail: Self.preview(message)))
                    }
                case .system:
                    break
                }
            }
            return result
        case .read:
            return []
        }
    }

    /// Whether an event might notify anyone, decided without reading anything: most chat messages on
    /// unassigned tickets do not, and skipping them keeps the chat path free of notification work.
    public static func mayNotify(_ event: TicketEvent) -> Bool {
        switch event {
        case .created:
            return true
        case .changed(let change, let actor):
            if change.activities.contains(where: { [.assigned, .slaWarning, .slaBreached].contains($0.kind) }) { return true }
            return change.messages.contains { message in
                message.senderId == actor.id && (message.sender == .agent || (message.sender == .customer && change.ticket.assigneeId != nil))
            }
        case .read:
            return false
        }
    }

    /// Whether working out an event's notifications needs the list of staff.
    public static func needsStaff(_ event: TicketEvent) -> Bool {
        switch event {
        case .created: true
        case .changed(let change, let actor):
            (change.ticket.assigneeId == nil && change.activities.contains { $0.kind == .slaWarning || $0.kind == .slaBreached })
                || change.messages.contains { $0.sender == .agent && $0.senderId == actor.id && $0.content.contains("@") }
        case .read: false
        }
    }

    /// The staff a message names: `@` then their full name or the part of their email before the @,
    /// in any case, standing as a word of its own (not inside an email address or a longer name).
    static func mentioned(in text: String, among staff: [User]) -> [User] {
        guard text.contains("@") else { return [] }
        let text = text.lowercased()
        return staff.filter { user in
            let handles = [user.name.lowercased(), String(user.email.lowercased().prefix { $0 != "@" })]
            return handles.contains { !$0.isEmpty && containsWord(text, "@" + $0) }
        }
    }

    private static func containsWord(_ text: String, _ word: String) -> Bool {
        var searched = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: searched) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let isWordCharacter = { (character: Character?) in character.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searched = found.upperBound..<text.endIndex
        }
        return false
    }

    static func preview(_ message: Message) -> String {
        String(message.content.prefix(140))
    }
}
