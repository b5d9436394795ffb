import Foundation
import HelpdeskDomain
import SQLKit

/// The list's filters as SQL conditions on `tickets t`, for search and exports.
enum TicketFilterSQL {
    /// `AND …` for every filter given (nothing when none is), times checked on `dateColumn`.
    static func conditions(
        statuses: [TicketStatus], priorities: [TicketPriority], category: String?, assignee: TicketQuery.Assignee,
        customerId: String? = nil, from: Date?, to: Date?, dateColumn: String
    ) -> SQLQueryString {
        var conditions: [SQLQueryString] = []
        if let customerId { conditions.append("t.customer_id = \(bind: customerId)") }
        if !statuses.isEmpty { conditions.append("t.status IN (\(binds: statuses.map(\.rawValue)))") }
        if !priorities.isEmpty { conditions.append("t.priority IN (\(binds: priorities.map(\.rawValue)))") }
        if let category { conditions.append("t.category = \(bind: category)") }
        switch assignee {
        case .anyone: break
        case .unassigned: conditions.append("t.assignee_id IS NULL")
        case .user(let id): conditions.append("t.assignee_id = \(bind: id)")
        }
        if let from { conditions.append("\(unsafeRaw: dateColumn) >= \(bind: from.epochMilliseconds)") }
        if let to { conditions.append("\(unsafeRaw: dateColumn) < \(bind: to.epochMilliseconds)") }
        return conditions.isEmpty ? "" : "AND \(conditions.joined(separator: " AND "))"
    }
}
