/// What an admin sets when registering or changing an endpoint; nil leaves a field alone (or, on
/// registration, takes its default: a generated secret, no description, active).
public struct WebhookPatch: Sendable, Equatable {
    public var url: String?
    public var secret: String?
    /// Event type names such as `ticket.created`.
    public var events: [String]?
    public var description: String?
    public var isActive: Bool?

    public init(url: String? = nil, secret: String? = nil, events: [String]? = nil, description: String? = nil, isActive: Bool? = nil) {
        self.url = url
        self.secret = secret
        self.events = events
        self.description = description
        self.isActive = isActive
    }
}
