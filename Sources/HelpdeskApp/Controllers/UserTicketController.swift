import HelpdeskDomain
import Hummingbird

/// `/api/user/tickets`: the signed-in customer's own tickets.
struct UserTicketController {
    let tickets: TicketService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get(use: list)
        group.post(use: create)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> TicketListDTO {
        let query = try TicketQueryParser.parse(QueryParameters(request), callerId: context.user.id)
        return TicketListDTO(try await tickets.listOwn(query, as: context.user))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<TicketDTO> {
        let body = try await request.decodeJSON(CreateTicketRequest.self, limit: maxBodyBytes)
        let view = try await tickets.open(try body.newTicket(), as: context.user)
        return EditedResponse(status: .created, response: TicketDTO(view))
    }
}
