import Foundation
import HelpdeskDomain

/// An activity-log entry on the wire.
struct ActivityDTO: Encodable {
    var id: String
    var ticketId: String
    var action: Activity.Kind
    var actorId: String?
    var actorName: String
    var from: String?
    var to: String?
    var createdAt: Date

    init(_ activity: Activity) {
        id = activity.id
        ticketId = activity.ticketId
        action = activity.kind
        actorId = activity.actorId
        actorName = activity.actorName
        from = activity.fromValue
        to = activity.toValue
        createdAt = activity.createdAt
    }
}
