/// What an agent sets on a quick reply; nil leaves a field alone (all but `shared` are required on creation).
public struct QuickReplyDraft: Sendable, Equatable {
    public var shortcut: String?
    public var text: String?
    /// Shared with every agent (admins only) rather than personal.
    public var shared: Bool?

    public init(shortcut: String? = nil, text: String? = nil, shared: Bool? = nil) {
        self.shortcut = shortcut
        self.text = text
        self.shared = shared
    }
}
