import Foundation
import HelpdeskDomain

/// An `activities` row.
struct ActivityRow: Decodable {
    var id: String
    var ticketId: String
    var kind: String
    var actorId: String?
    var actorName: String
    var fromValue: String?
    var toValue: String?
    var createdAt: Int64

    var activity: Activity {
        Activity(
            id: id, ticketId: ticketId, kind: Activity.Kind(rawValue: kind) ?? .created,
            actorId: actorId, actorName: actorName, fromValue: fromValue, toValue: toValue,
            createdAt: Date(epochMilliseconds: createdAt)
        )
    }
}
