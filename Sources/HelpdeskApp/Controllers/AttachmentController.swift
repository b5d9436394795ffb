import Foundation
import HelpdeskDomain
import HTTPTypes
import Hummingbird

/// `POST /api/tickets/{id}/attachments?name=…` (the file as the raw body) uploads to a ticket;
/// `GET /api/attachments/{id}` downloads, for whoever may read the ticket.
struct AttachmentController {
    let attachments: AttachmentService
    let store: AttachmentStore
    let fileIO = FileIO()

    func addRoutes(tickets: RouterGroup<AuthenticatedContext>, attachments group: RouterGroup<AuthenticatedContext>) {
        tickets.post(":id/attachments", use: upload)
        group.get(":id", use: download)
    }

    @Sendable func upload(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<AttachmentDTO> {
        let name = QueryParameters(request).get("name") ?? request.headers[HTTPField.Name("X-Filename")!] ?? ""
        let ticket = try await attachments.uploadTarget(try context.parameters.require("id"), as: context.user)
        var registered: StoredAttachment?
        _ = try await store.store(request.body) { stored in
            registered = try await attachments.register(
                to: ticket, name: name, size: stored.size,
                mimeType: AttachmentRules.mimeType(of: Array(stored.head.prefix(AttachmentRules.sniffLength)), isText: stored.isText),
                sha256: stored.sha256, as: context.user
            )
        }
        guard let registered else { preconditionFailure("a stored upload is registered") }
        return EditedResponse(status: .created, response: AttachmentDTO(registered))
    }

    @Sendable func download(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let attachment = try await attachments.download(try context.parameters.require("id"), as: context.user)
        var headers = HTTPFields()
        headers[.contentType] = attachment.mimeType
        let disposition = attachment.mimeType.hasPrefix("image/") ? "inline" : "attachment"
        let ascii = String(attachment.name.unicodeScalars.map { $0.isASCII && $0 != "\\" ? Character($0) : "_" })
        let encoded = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        headers[.contentDisposition] = "\(disposition); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        headers[.cacheControl] = "private, max-age=86400"
        let body = try await fileIO.loadFile(path: store.path(sha256: attachment.sha256), context: context)
        return Response(status: .ok, headers: headers, body: body)
    }
}
