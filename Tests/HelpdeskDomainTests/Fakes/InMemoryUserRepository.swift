import HelpdeskDomain

/// Users in memory.
actor InMemoryUserRepository: UserRepository {
    private var users: [String: User] = [:]
    private var hashes: [String: String] = [:]

    init(_ users: [User] = []) {
        for user in users { self.users[user.id] = user }
    }

    func create(_ user: User, passwordHash: String) throws {
        guard !users.values.contains(where: { $0.email == user.email }) else { throw HelpdeskError.conflict("taken") }
        users[user.id] = user
        hashes[user.id] = passwordHash
    }

    func find(id: String) -> User? { users[id] }
    func find(email: String) -> User? { users.values.first { $0.email == email } }
    func passwordHash(userId: String) -> String? { hashes[userId] }
    func list(role: Role?) -> [User] { users.values.filter { role == nil || $0.role == role }.sorted { $0.name < $1.name } }
    func update(_ user: User) { users[user.id] = user }
    func countActiveAdmins() -> Int { users.values.filter { $0.role == .admin && !$0.isDisabled }.count }
}
