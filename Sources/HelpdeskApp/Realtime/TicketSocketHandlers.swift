import Foundation
import HelpdeskDomain
import Logging
import SocketIOServer

/// The ticket chat events of SPEC §3 on namespace `/`. Identity comes from the connection, never
/// from the payload; every event may take an ack that gets `{ok: true, …}` or `{ok: false, error}`.
/// Handlers are registered once on the namespace, not per socket: a connection costs no closures.
struct TicketSocketHandlers {
    let tickets: TicketService
    let attachments: AttachmentService
    let limiter: RateLimiter
    let presence: any PresenceTracking
    let typing: TypingTracker
    let logger: Logger

    func install(on namespace: SocketIONamespace, authenticator: SocketAuthenticator) {
        namespace.use { handshake in try await authenticator.authenticate(handshake) }
        namespace.onConnection { socket in
            guard let user = socket.context as? User else { return socket.disconnect() }
            socket.join(TicketRooms.user(user.id))
            if user.role.isStaff { socket.join(TicketRooms.agents) }
        }
        namespace.onDisconnect { socket, _ in
            guard let user = socket.context as? User else { return }
            for ticketId in presence.tickets(of: socket.id) {
                await left(ticketId, socket: socket, user: user)
            }
        }
        register(on: namespace)
    }

    private func register(on namespace: SocketIONamespace) {
        handle("join_ticket", on: namespace) { socket, user, payload in
            let ticket = try await tickets.readable(try Self.string(payload, "ticketId"), as: user)
            socket.join(TicketRooms.ticket(ticket.id))
            let (isFirst, present) = try await presence.join(ticketId: ticket.id, socketId: socket.id, user: user)
            if isFirst {
                socket.broadcast.to(TicketRooms.ticket(ticket.id)).emit("user_joined", [[
                    "ticketId": .string(ticket.id), "userId": .string(user.id), "userName": .string(user.name),
                    "userType": .string(user.role.rawValue), "timestamp": .string(WireTimestamp.string(Date())),
                ]])
            }
            return [
                "ticketId": .string(ticket.id),
                "present": .array(present.map { ["userId": .string($0.userId), "userName": .string($0.userName), "userType": .string($0.userType.rawValue)] }),
            ]
        }
        handle("leave_ticket", on: namespace) { socket, user, payload in
            let ticketId = try Self.string(payload, "ticketId")
            await left(ticketId, socket: socket, user: user)
            return ["ticketId": .string(ticketId)]
        }
        handle("send_message", on: namespace) { socket, user, payload in
            let ids = try Self.strings(payload, "attachments")
            let files = ids.isEmpty ? [] : try await attachments.resolve(ids, as: user)
            let content = ids.isEmpty ? try Self.string(payload, "content") : payload["content"]?.stringValue ?? ""
            let message = try await tickets.reply(to: try Self.string(payload, "ticketId"), content: content, attachments: files, as: user)
            return ["message": MessageDTO(message).jsonValue]
        }
        handle("typing", on: namespace) { socket, user, payload in
            let ticketId = try Self.string(payload, "ticketId")
            guard socket.rooms.contains(TicketRooms.ticket(ticketId)) else {
                throw HelpdeskError.forbidden("Join the ticket before typing in it.")
            }
            let isTyping = payload["isTyping"] != false
            typing.update(TypingTracker.Typist(ticketId: ticketId, userId: user.id, userName: user.name), isTyping: isTyping)
            socket.broadcast.to(TicketRooms.ticket(ticketId)).emit("typing_indicator", [[
                "ticketId": .string(ticketId), "senderId": .string(user.id), "senderName": .string(user.name), "isTyping": .bool(isTyping),
            ]])
            return ["ticketId": .string(ticketId)]
        }
        handle("mark_as_read", on: namespace) { socket, user, payload in
            let seq: Int? = if case .integer(let value)? = payload["seq"] { Int(value) } else { nil }
            let cursor = try await tickets.markRead(try Self.string(payload, "ticketId"), upTo: seq, as: user)
            return ["ticketId": .string(cursor.ticketId), "lastReadSeq": .integer(Int64(cursor.lastReadSeq))]
        }
        handle("ticket_status_change", on: namespace) { socket, user, payload in
            let status: TicketStatus = try WireEnum.parse(try Self.string(payload, "status"), field: "status")
            let view = try await tickets.update(try Self.string(payload, "ticketId"), with: TicketPatch(status: status), as: user)
            return ["ticket": JSONValue(encoding: TicketDTO(view))]
        }
        handle("assign_agent", on: namespace) { socket, user, payload in
            let view = try await tickets.update(
                try Self.string(payload, "ticketId"), with: TicketPatch(assignee: .assign(try Self.string(payload, "agentId"))), as: user
            )
            return ["ticket": JSONValue(encoding: TicketDTO(view))]
        }
    }

    private func left(_ ticketId: String, socket: SocketIOSocket, user: User) async {
        socket.leave(TicketRooms.ticket(ticketId))
        guard await presence.leave(ticketId: ticketId, socketId: socket.id, userId: user.id) else { return }
        typing.update(TypingTracker.Typist(ticketId: ticketId, userId: user.id, userName: user.name), isTyping: false)
        socket.broadcast.to(TicketRooms.ticket(ticketId)).emit("user_left", [[
            "ticketId": .string(ticketId), "userId": .string(user.id), "userName": .string(user.name),
            "timestamp": .string(WireTimestamp.string(Date())),
        ]])
    }

    /// Runs one event: rate limit, payload shape, the work, then the ack — or the error as ack and `error` event.
    private func handle(
        _ name: String, on namespace: SocketIONamespace,
        _ body: @escaping @Sendable (SocketIOSocket, User, JSONObject) async throws -> JSONObject
    ) {
        namespace.on(name) { socket, event in
            do {
                guard let user = socket.context as? User else { throw HelpdeskError.unauthenticated }
                if let retryAfter = limiter.consume(socket.id + "/" + name) {
                    throw HelpdeskError.rateLimited(retryAfterSeconds: retryAfter)
                }
                guard case .object(let payload)? = event.arguments.first else {
                    throw HelpdeskError.invalidField("payload", "must be an object")
                }
                let result = try await TicketEventRelay.$originSocketID.withValue(socket.id) { try await body(socket, user, payload) }
                await socket.flushBroadcasts()
                let ok: JSONObject = ["ok": true]
                event.ack?([.object(ok.merging(result))])
            } catch {
                let failure = APIError(error, logger: logger)
                event.ack?([["ok": false, "error": ["code": .string(failure.code), "message": .string(failure.message)]]])
                socket.emit("error", [["code": .string(failure.code), "message": .string(failure.message), "event": .string(name)]])
            }
        }
    }

    /// A list of strings, or none when the field is absent.
    private static func strings(_ payload: JSONObject, _ field: String) throws -> [String] {
        guard let values = payload[field] else { return [] }
        guard let array = values.arrayValue else { throw HelpdeskError.invalidField(field, "must be a list") }
        return try array.map { value in
            guard let text = value.stringValue else { throw HelpdeskError.invalidField(field, "must be a list of ids") }
            return text
        }
    }

    private static func string(_ payload: JSONObject, _ field: String) throws -> String {
        guard let value = payload[field]?.stringValue else { throw HelpdeskError.invalidField(field, "is required") }
        return value
    }
}
