import Foundation
import HelpdeskDomain

/// The `rating` column: the ticket's latest rating as JSON with times in epoch milliseconds, or NULL.
enum RatingColumn {
    private struct Stored: Codable {
        var score: Int
        var comment: String
        var resolvedAt: Int64
        var createdAt: Int64
        var updatedAt: Int64
    }

    static func encode(_ rating: TicketRating?) -> String? {
        guard let rating else { return nil }
        let stored = Stored(
            score: rating.score, comment: rating.comment, resolvedAt: rating.resolvedAt.epochMilliseconds,
            createdAt: rating.createdAt.epochMilliseconds, updatedAt: rating.updatedAt.epochMilliseconds
        )
        return (try? JSONEncoder().encode(stored)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode(_ text: String?) throws -> TicketRating? {
        guard let text else { return nil }
        let stored = try JSONDecoder().decode(Stored.self, from: Data(text.utf8))
        return TicketRating(
            score: stored.score, comment: stored.comment, resolvedAt: Date(epochMilliseconds: stored.resolvedAt),
            createdAt: Date(epochMilliseconds: stored.createdAt), updatedAt: Date(epochMilliseconds: stored.updatedAt)
        )
    }
}
