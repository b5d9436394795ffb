/// Storage of sign-in sessions, keyed by the digest of their token.
public protocol SessionRepository: Sendable {
    func create(_ session: Session) async throws
    func find(tokenDigest: String) async throws -> Session?
    func delete(tokenDigest: String) async throws
    func deleteAll(userId: String) async throws
}
