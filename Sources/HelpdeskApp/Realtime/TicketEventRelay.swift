import Foundation
import HelpdeskDomain
import SocketIOServer

/// Turns committed ticket events into Socket.IO emits to the ticket's room and the list rooms,
/// whether the change came over REST or over the socket.
struct TicketEventRelay: TicketEventPublisher {
    /// The socket whose request caused the event; it is left out of `message_received`.
    @TaskLocal static var originSocketID: String?

    let namespace: SocketIONamespace

    func publish(_ event: TicketEvent) {
        let now = Date()
        switch event {
        case .created(let change):
            listUpdate(change.ticket)
        case .changed(let change, let actor):
            let room = TicketRooms.ticket(change.ticket.id)
            for message in change.messages {
                var broadcast = namespace.to(room)
                if message.sender != .system, let origin = Self.originSocketID { broadcast = broadcast.exceptSocket(origin) }
                broadcast.emit("message_received", [["message": MessageDTO(message).jsonValue, "ticketId": .string(message.ticketId)]])
            }
            for activity in change.activities {
                switch activity.kind {
                case .assigned:
                    namespace.to(room).emit("agent_assigned", [[
                        "ticketId": .string(change.ticket.id), "agentId": change.ticket.assigneeId.map(JSONValue.string) ?? nil,
                        "agentName": change.ticket.assigneeName.map(JSONValue.string) ?? nil, "assignedBy": .string(actor.id),
                        "timestamp": .string(WireTimestamp.string(now)),
                    ]])
                case .created:
                    break
                case .slaWarning, .slaBreached:
                    namespace.to(room).to(TicketRooms.agents).emit(activity.kind == .slaWarning ? "sla_warning" : "sla_breached", [[
                        "ticketId": .string(change.ticket.id), "ticketNumber": .string(change.ticket.ticketNumber),
                        "target": activity.toValue.map(JSONValue.string) ?? nil,
                        "assigneeId": change.ticket.assigneeId.map(JSONValue.string) ?? nil,
                        "timestamp": .string(WireTimestamp.string(activity.createdAt)),
                    ]])
                default:
                    namespace.to(room).emit("ticket_updated", [[
                        "ticketId": .string(change.ticket.id), "status": .string(change.ticket.status.rawValue),
                        "priority": .string(change.ticket.priority.rawValue), "field": .string(activity.kind.rawValue),
                        "changedBy": .string(actor.id), "changedByName": .string(actor.name), "timestamp": .string(WireTimestamp.string(now)),
                    ]])
                }
            }
            listUpdate(change.ticket)
        case .read(let cursor, let reader):
            namespace.to(TicketRooms.ticket(cursor.ticketId)).emit("messages_read", [[
                "ticketId": .string(cursor.ticketId), "userId": .string(cursor.userId), "userName": .string(reader.name),
                "lastReadSeq": .integer(Int64(cursor.lastReadSeq)), "timestamp": .string(WireTimestamp.string(cursor.readAt)),
            ]])
        }
    }

    /// Tells the agents' lists and the customer's list that a ticket changed; they re-read their counts.
    private func listUpdate(_ ticket: Ticket) {
        let summary: JSONValue = [
            "ticketId": .string(ticket.id), "ticketNumber": .string(ticket.ticketNumber), "title": .string(ticket.title),
            "status": .string(ticket.status.rawValue), "priority": .string(ticket.priority.rawValue),
            "assigneeId": ticket.assigneeId.map(JSONValue.string) ?? nil,
            "lastMessage": ticket.lastMessage.map(JSONValue.string) ?? nil,
            "lastSeq": .integer(Int64(ticket.lastSeq)), "updatedAt": .string(WireTimestamp.string(ticket.updatedAt)),
        ]
        namespace.to(TicketRooms.agents).to(TicketRooms.user(ticket.customerId)).emit("ticket_list_updated", [summary])
    }
}
