import Foundation

/// One change in a ticket's history, with who made it and when.
public struct Activity: Codable, Sendable, Equatable {
    /// What changed.
    public enum Kind: String, Codable, Sendable {
        case created
        case statusChanged = "status_changed"
        case priorityChanged = "priority_changed"
        case assigned
        case unassigned
        case categoryChanged = "category_changed"
        case titleChanged = "title_changed"
        /// An SLA clock reached 80 % of its target; `toValue` names the target.
        case slaWarning = "sla_warning"
        /// An SLA clock passed its deadline; `toValue` names the target.
        case slaBreached = "sla_breached"
        /// The customer rated the resolution; `toValue` is the score.
        case rated
        /// The customer changed their rating; `fromValue` and `toValue` are the scores.
        case ratingChanged = "rating_changed"
    }

    public var id: String
    public var ticketId: String
    public var kind: Kind
    public var actorId: String?
    public var actorName: String
    public var fromValue: String?
    public var toValue: String?
    public var createdAt: Date

    public init(
        id: String, ticketId: String, kind: Kind, actorId: String?, actorName: String,
        fromValue: String? = nil, toValue: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.ticketId = ticketId
        self.kind = kind
        self.actorId = actorId
        self.actorName = actorName
        self.fromValue = fromValue
        self.toValue = toValue
        self.createdAt = createdAt
    }
}
