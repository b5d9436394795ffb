import Foundation
import HelpdeskDomain
import Hummingbird
import NIOCore

/// `GET /api/exports/tickets?format=csv|jsonl&include=messages&…filters` (staff) streams tickets a
/// page at a time; `GET /api/tickets/{id}/transcript?format=text|html` (whoever may read it).
struct ExportController {
    let exports: ExportService

    func addRoutes(exports group: RouterGroup<AuthenticatedContext>, tickets: RouterGroup<AuthenticatedContext>) {
        group.get("tickets", use: tickets(_:context:))
        tickets.get(":id/transcript", use: transcript)
    }

    @Sendable func tickets(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let parameters = QueryParameters(request)
        let format = parameters.get("format") ?? "csv"
        guard format == "csv" || format == "jsonl" else { throw RequestError.invalidParameter("format", "must be csv or jsonl") }
        var query = ExportQuery()
        query.statuses = try TicketQueryParser.statuses(parameters)
        query.priorities = try TicketQueryParser.priorities(parameters)
        query.assignee = TicketQueryParser.assignee(parameters, callerId: context.user.id)
        query.category = parameters.get("category").flatMap { $0.isEmpty ? nil : $0.lowercased() }
        query.from = try parameters.time("from")
        query.to = try parameters.time("to")
        switch parameters.get("include") {
        case nil, "": break
        case "messages": query.includesHistory = true
        default: throw RequestError.invalidParameter("include", "must be messages")
        }
        let pages = try exports.export(query, as: context.user)
        let withHistory = query.includesHistory
        var headers = HTTPFields()
        headers[.contentType] = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"tickets-\(WireTimestamp.string(Date()).prefix(10)).\(format)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let encoder = WireJSON.encoder()
            if format == "csv" { try await writer.write(ByteBuffer(string: TicketCSV.line(TicketCSV.header))) }
            for try await page in pages {
                var buffer = ByteBuffer()
                for exported in page {
                    if format == "csv" {
                        buffer.writeString(TicketCSV.row(exported.ticket))
                    } else {
                        buffer.writeBytes(try encoder.encode(ExportRecordDTO(exported, withHistory: withHistory)))
                        buffer.writeString("\n")
                    }
                }
                try await writer.write(buffer)
            }
            try await writer.finish(nil)
        })
    }

    @Sendable func transcript(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let format = QueryParameters(request).get("format") ?? "text"
        guard format == "text" || format == "html" else { throw RequestError.invalidParameter("format", "must be text or html") }
        let exported = try await exports.transcript(try context.parameters.require("id"), as: context.user)
        var headers = HTTPFields()
        headers[.contentType] = format == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(exported.ticket.ticketNumber)-transcript.\(format == "html" ? "html" : "txt")\""
        headers[.cacheControl] = "no-store"
        let body = format == "html" ? Transcript.html(exported) : Transcript.text(exported)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
