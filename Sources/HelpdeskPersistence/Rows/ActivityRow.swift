import Foundation
import HelpdeskDomain
import SQLKit

/// An `activities` row.
struct ActivityRow {
    var id: String
    var ticketId: String
    var kind: String
    var actorId: String?
    var actorName: String
    var fromValue: String?
    var toValue: String?
    var createdAt: Int64

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        ticketId = try row.decode(column: "ticket_id", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        actorId = try row.decode(column: "actor_id", as: String?.self)
        actorName = try row.decode(column: "actor_name", as: String.self)
        fromValue = try row.decode(column: "from_value", as: String?.self)
        toValue = try row.decode(column: "to_value", as: String?.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
    }

    var activity: Activity {
        Activity(
            id: id, ticketId: ticketId, kind: Activity.Kind(rawValue: kind) ?? .created,
            actorId: actorId, actorName: actorName, fromValue: fromValue, toValue: toValue,
            createdAt: Date(epochMilliseconds: createdAt)
        )
    }
}
