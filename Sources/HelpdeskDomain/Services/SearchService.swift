import Foundation

/// Searching all of history: staff search every ticket, a customer only their own.
public struct SearchService: Sendable {
    private let index: any SearchRepository

    public init(index: any SearchRepository) {
        self.index = index
    }

    /// Finds `text` under the query's filters; `query.terms` and `query.customerId` are set here.
    public func search(_ text: String, filters query: SearchQuery, as actor: User) async throws -> [SearchHit] {
        var query = query
        query.terms = try Self.terms(text)
        guard (1...SearchQuery.maxLimit).contains(query.limit) else {
            throw HelpdeskError.invalidField("limit", "must be between 1 and \(SearchQuery.maxLimit)")
        }
        guard (0...10_000).contains(query.offset) else { throw HelpdeskError.invalidField("offset", "must be between 0 and 10000") }
        if let from = query.from, let to = query.to, from >= to {
            throw HelpdeskError.invalidField("to", "must be after from")
        }
        if !actor.role.isStaff {
            query.customerId = actor.id
            query.assignee = .anyone
        }
        return try await index.search(query)
    }

    /// The words of `text`: split at anything but letters, digits and marks, at most 10 of them.
    static func terms(_ text: String) throws -> [String] {
        let trimmed = Validate.trimmingWhiteSpace(text)
        guard !trimmed.isEmpty else { throw HelpdeskError.invalidField("q", "must not be empty") }
        guard trimmed.count <= SearchQuery.maxTextLength else {
            throw HelpdeskError.invalidField("q", "must be at most \(SearchQuery.maxTextLength) characters")
        }
        var terms: [String] = []
        var word = ""
        for scalar in trimmed.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                terms.append(word)
                word = ""
            }
        }
        if !word.isEmpty { terms.append(word) }
        guard !terms.isEmpty else { throw HelpdeskError.invalidField("q", "must contain a letter or a digit") }
        return Array(terms.prefix(10))
    }
}
