/// Storage of user accounts and their password hashes.
public protocol UserRepository: Sendable {
    /// Stores a new user; throws `conflict` when the email is taken.
    func create(_ user: User, passwordHash: String) async throws
    func find(id: String) async throws -> User?
    func find(email: String) async throws -> User?
    func passwordHash(userId: String) async throws -> String?
    func list(role: Role?) async throws -> [User]
    func update(_ user: User) async throws
    func countActiveAdmins() async throws -> Int
}
