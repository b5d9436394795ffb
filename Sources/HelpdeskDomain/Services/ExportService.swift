import Foundation

/// Staff export tickets (with their conversations, if asked) and anyone who may read a ticket
/// takes its transcript.
public struct ExportService: Sendable {
    public static let pageSize = 200

    private let exports: any ExportRepository
    private let tickets: TicketService

    public init(exports: any ExportRepository, tickets: TicketService) {
        self.exports = exports
        self.tickets = tickets
    }

    /// The tickets `query` selects, a page at a time; checked before the first page is read.
    public func export(_ query: ExportQuery, as actor: User) throws -> ExportPages {
        guard Permissions.canExport(as: actor) else { throw HelpdeskError.forbidden("Only agents and admins export tickets.") }
        if let from = query.from, let to = query.to, from >= to { throw HelpdeskError.invalidField("to", "must be after from") }
        return ExportPages(repository: exports, query: query, pageSize: Self.pageSize)
    }

    /// One ticket with its whole conversation, for whoever may read it.
    public func transcript(_ reference: String, as actor: User) async throws -> ExportedTicket {
        let ticket = try await tickets.summary(reference, as: actor).ticket
        let history = try await exports.histories(ticketIds: [ticket.id])[ticket.id]
        return ExportedTicket(ticket: ticket, messages: history?.messages ?? [], activities: history?.activities ?? [])
    }
}
