import HelpdeskDomain
import Hummingbird

/// `GET /api/search?q=…`: titles, ticket numbers and messages of all history, with the list's
/// filters (`status`, `priority`, `assignee`, `category`) plus `sender`, `from`, `to`, `limit` and `offset`.
struct SearchController {
    let search: SearchService

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get { request, context in
            let parameters = QueryParameters(request)
            var filters = SearchQuery()
            filters.statuses = try TicketQueryParser.statuses(parameters)
            filters.priorities = try TicketQueryParser.priorities(parameters)
            filters.assignee = TicketQueryParser.assignee(parameters, callerId: context.user.id)
            filters.category = parameters.get("category").flatMap { $0.isEmpty ? nil : $0.lowercased() }
            filters.sender = try parameters.get("sender").map { try WireEnum.parse($0, field: "sender") }
            filters.from = try parameters.time("from")
            filters.to = try parameters.time("to")
            filters.limit = try parameters.integer("limit") ?? filters.limit
            filters.offset = try parameters.integer("offset") ?? 0
            let hits = try await search.search(parameters.get("q") ?? "", filters: filters, as: context.user)
            return SearchResultListDTO(
                results: hits.map(SearchResultDTO.init),
                nextOffset: hits.count == filters.limit ? filters.offset + filters.limit : nil
            )
        }
    }
}
