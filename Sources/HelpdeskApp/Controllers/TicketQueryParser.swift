import HelpdeskDomain
import Hummingbird

/// Reads the ticket-list query string: filters, sort, order, limit and cursor.
enum TicketQueryParser {
    static func parse(_ parameters: QueryParameters, callerId: String) throws -> TicketQuery {
        var query = TicketQuery()
        query.statuses = try statuses(parameters)
        query.priorities = try priorities(parameters)
        query.assignee = assignee(parameters, callerId: callerId)
        query.category = parameters.get("category").flatMap { $0.isEmpty ? nil : $0.lowercased() }
        query.text = parameters.get("q").flatMap { $0.isEmpty ? nil : $0 }
        if let sort = parameters.get("sort") {
            query.sort = try WireEnum.parse(sort, field: "sort")
        }
        query.order = query.sort.defaultOrder
        if let order = parameters.get("order") {
            guard let parsed = TicketQuery.SortOrder(rawValue: order.lowercased()) else {
                throw RequestError.invalidParameter("order", "must be asc or desc")
            }
            query.order = parsed
        }
        if let limit = parameters.get("limit") {
            guard let value = Int(limit), (1...TicketQuery.maxLimit).contains(value) else {
                throw RequestError.invalidParameter("limit", "must be between 1 and \(TicketQuery.maxLimit)")
            }
            query.limit = value
        }
        if let cursor = parameters.get("cursor"), !cursor.isEmpty {
            guard let parsed = TicketCursor(encoded: cursor) else {
                throw RequestError.invalidParameter("cursor", "is not a cursor this server gave out")
            }
            query.cursor = parsed
        }
        return query
    }

    static func statuses(_ parameters: QueryParameters) throws -> [TicketStatus] {
        try list(parameters, "status").map { try WireEnum.parse($0, field: "status") }
    }

    static func priorities(_ parameters: QueryParameters) throws -> [TicketPriority] {
        try list(parameters, "priority").map { try WireEnum.parse($0, field: "priority") }
    }

    /// `me`, `unassigned` (or `none`), a user id, or anyone when absent.
    static func assignee(_ parameters: QueryParameters, callerId: String) -> TicketQuery.Assignee {
        switch parameters.get("assignee") {
        case nil, "": .anyone
        case "me": .user(callerId)
        case "unassigned", "none": .unassigned
        case let id?: .user(id)
        }
    }

    /// A parameter given repeatedly or comma-separated.
    private static func list(_ parameters: QueryParameters, _ name: String) -> [String] {
        parameters.getAll(name).flatMap { $0.split(separator: ",") }.map(String.init).filter { !$0.isEmpty }
    }
}
