import HelpdeskDomain

/// Sessions in memory.
actor InMemorySessionRepository: SessionRepository {
    private var sessions: [String: Session] = [:]

    func create(_ session: Session) { sessions[session.tokenDigest] = session }
    func find(tokenDigest: String) -> Session? { sessions[tokenDigest] }
    func delete(tokenDigest: String) { sessions[tokenDigest] = nil }
    func deleteAll(userId: String) { sessions = sessions.filter { $0.value.userId != userId } }
    var count: Int { sessions.count }
}
