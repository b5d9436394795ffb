/// The full-text index over titles and messages.
public protocol SearchRepository: Sendable {
    /// The best matches of `query`, best first: one page of `query.limit` after `query.offset`.
    func search(_ query: SearchQuery) async throws -> [SearchHit]
}
