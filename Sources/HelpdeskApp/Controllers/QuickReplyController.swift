import HelpdeskDomain
import Hummingbird

/// `/api/quick-replies`: agents' canned responses, shared (kept by admins) and personal;
/// `?ticket=ID` fills their placeholders in for that ticket.
struct QuickReplyController {
    let replies: QuickReplyService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get { request, context in
            let listed = try await replies.list(as: context.user, filledFor: QueryParameters(request).get("ticket"))
            return QuickReplyListDTO(
                quickReplies: listed.map { QuickReplyDTO($0.reply, expanded: $0.expanded) },
                placeholders: QuickReplyTemplate.placeholders.map(\.name)
            )
        }
        group.post { request, context in
            let body = try await request.decodeJSON(QuickReplyRequest.self, limit: maxBodyBytes)
            return EditedResponse(status: .created, response: QuickReplyDTO(try await replies.create(body.draft, as: context.user)))
        }
        group.patch(":id") { request, context in
            let body = try await request.decodeJSON(QuickReplyRequest.self, limit: maxBodyBytes)
            return QuickReplyDTO(try await replies.update(id: try context.parameters.require("id"), body.draft, as: context.user))
        }
        group.delete(":id") { _, context in
            try await replies.delete(id: try context.parameters.require("id"), as: context.user)
            return Response(status: .noContent)
        }
    }
}
