import Foundation

/// One search result: a ticket whose title or number matched, or a message in a ticket, with the
/// matching words marked in a snippet.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case title
        case number
        case message
    }

    /// A piece of the snippet; `isMatch` marks the words that matched.
    public struct Fragment: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool

        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public var kind: Kind
    public var ticket: Ticket
    public var message: Message?
    public var snippet: [Fragment]
    /// Lower is better.
    public var rank: Double

    public init(kind: Kind, ticket: Ticket, message: Message? = nil, snippet: [Fragment], rank: Double) {
        self.kind = kind
        self.ticket = ticket
        self.message = message
        self.snippet = snippet
        self.rank = rank
    }
}
