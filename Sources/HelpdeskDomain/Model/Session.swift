import Foundation

/// A signed-in browser or API client; only the digest of its token is stored.
public struct Session: Sendable, Equatable {
    public var tokenDigest: String
    public var userId: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenDigest: String, userId: String, createdAt: Date, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.userId = userId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
