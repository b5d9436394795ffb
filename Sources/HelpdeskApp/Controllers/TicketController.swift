import HelpdeskDomain
import Hummingbird

/// `/api/tickets`: the agents' list and everything done to one ticket.
struct TicketController {
    let tickets: TicketService
    let attachments: AttachmentService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get("stats", use: stats)
        group.get(":id", use: detail)
        group.get(":id/summary") { _, context in
            TicketDTO(try await tickets.summary(try context.parameters.require("id"), as: context.user))
        }
        group.patch(":id", use: update)
        group.get(":id/messages", use: messages)
        group.post(":id/messages", use: reply)
        group.post(":id/read", use: markRead)
        group.put(":id/rating") { request, context in
            let body = try await request.decodeJSON(RateTicketRequest.self, limit: maxBodyBytes)
            return TicketDTO(try await tickets.rate(
                try context.parameters.require("id"), score: body.score, comment: body.comment ?? "", as: context.user
            ))
        }
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> TicketListDTO {
        let query = try TicketQueryParser.parse(QueryParameters(request), callerId: context.user.id)
        return TicketListDTO(try await tickets.list(query, as: context.user))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<TicketDTO> {
        guard Permissions.canCreateTicketForOthers(as: context.user) else {
            throw HelpdeskError.forbidden("Customers open tickets at /api/user/tickets.")
        }
        let body = try await request.decodeJSON(CreateTicketRequest.self, limit: maxBodyBytes)
        guard let customerId = body.customerId else {
            throw HelpdeskError.invalidField("customerId", "is required")
        }
        let view = try await tickets.open(try body.newTicket(), as: context.user, forCustomer: customerId)
        return EditedResponse(status: .created, response: TicketDTO(view))
    }

    /// Counts for the sidebar; a customer gets those of their own tickets.
    @Sendable func stats(_ request: Request, context: AuthenticatedContext) async throws -> TicketStatsDTO {
        TicketStatsDTO(try await tickets.stats(as: context.user))
    }

    @Sendable func detail(_ request: Request, context: AuthenticatedContext) async throws -> TicketDetailDTO {
        TicketDetailDTO(try await tickets.detail(try context.parameters.require("id"), as: context.user))
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> TicketDTO {
        let body = try await request.decodeJSON(UpdateTicketRequest.self, limit: maxBodyBytes)
        return TicketDTO(try await tickets.update(try context.parameters.require("id"), with: body.patch, as: context.user))
    }

    @Sendable func messages(_ request: Request, context: AuthenticatedContext) async throws -> MessageListDTO {
        let parameters = QueryParameters(request)
        let messages = try await tickets.messages(
            try context.parameters.require("id"),
            after: try parameters.integer("after"), before: try parameters.integer("before"),
            limit: try parameters.integer("limit") ?? TicketService.detailMessageLimit, as: context.user
        )
        return MessageListDTO(messages: messages.map(MessageDTO.init))
    }

    @Sendable func reply(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<MessageDTO> {
        let body = try await request.decodeJSON(ReplyRequest.self, limit: maxBodyBytes)
        let files = body.attachments.isEmpty ? [] : try await attachments.resolve(body.attachments, as: context.user)
        let message = try await tickets.reply(to: try context.parameters.require("id"), content: body.content, attachments: files, as: context.user)
        return EditedResponse(status: .created, response: MessageDTO(message))
    }

    @Sendable func markRead(_ request: Request, context: AuthenticatedContext) async throws -> ReadCursorDTO {
        var request = request
        let hasBody = try await request.collectBody(upTo: maxBodyBytes).readableBytes > 0
        let seq = hasBody ? try await request.decodeJSON(ReadRequest.self, limit: maxBodyBytes).seq : nil
        return ReadCursorDTO(try await tickets.markRead(try context.parameters.require("id"), upTo: seq, as: context.user))
    }
}
