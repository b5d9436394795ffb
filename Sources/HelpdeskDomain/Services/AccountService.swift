import Foundation

/// Accounts and sessions: sign in and out, sign up, and the admins' user management.
public struct AccountService: Sendable {
    /// Length of generated passwords (6 bits each).
    public static let generatedPasswordLength = 20
    static let maxNameLength = 100

    private let users: any UserRepository
    private let sessions: any SessionRepository
    private let hasher: any PasswordHasher
    private let digester: any TokenDigester
    private let clock: any HelpdeskClock
    private let settings: DeskSettings

    public init(
        users: any UserRepository, sessions: any SessionRepository, hasher: any PasswordHasher,
        digester: any TokenDigester, clock: any HelpdeskClock, settings: DeskSettings
    ) {
        self.users = users
        self.sessions = sessions
        self.hasher = hasher
        self.digester = digester
        self.clock = clock
        self.settings = settings
    }

    public func login(email: String, password: String) async throws -> SignedIn {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let user = try await users.find(email: email), let hash = try await users.passwordHash(userId: user.id) else {
            _ = try? await hasher.verify(password, against: Self.decoyHash)
            throw HelpdeskError.unauthenticated
        }
        guard try await hasher.verify(password, against: hash) else { throw HelpdeskError.unauthenticated }
        guard !user.isDisabled else { throw HelpdeskError.accountDisabled }
        return SignedIn(user: user, token: try await startSession(for: user))
    }

    /// The user a session token belongs to, if the session is live and the account enabled.
    public func authenticate(token: String) async throws -> User {
        let digest = digester.digest(token)
        guard let session = try await sessions.find(tokenDigest: digest) else { throw HelpdeskError.unauthenticated }
        guard session.expiresAt > clock.now() else {
            try await sessions.delete(tokenDigest: digest)
            throw HelpdeskError.unauthenticated
        }
        guard let user = try await users.find(id: session.userId), !user.isDisabled else {
            throw HelpdeskError.unauthenticated
        }
        return user
    }

    public func logout(token: String) async throws {
        try await sessions.delete(tokenDigest: digester.digest(token))
    }

    /// Customer self sign-up, when the desk allows it.
    public func register(email: String, name: String, password: String) async throws -> SignedIn {
        guard settings.allowsRegistration else { throw HelpdeskError.forbidden("Sign-up is disabled on this desk.") }
        let user = try await provision(email: email, name: name, role: .customer, password: password)
        return SignedIn(user: user, token: try await startSession(for: user))
    }

    /// Creates a user without a permission check: for the command line and demo data.
    public func provision(email: String, name: String, role: Role, password: String) async throws -> User {
        let email = try Validate.email(email)
        let name = try Validate.text(name, field: "name", maxLength: Self.maxNameLength)
        let hash = try await hasher.hash(try Validate.password(password))
        let now = clock.now()
        let user = User(id: RandomID.make(), email: email, name: name, role: role, createdAt: now, updatedAt: now)
        try await users.create(user, passwordHash: hash)
        return user
    }

    /// An admin adds a user; without a password one is generated and returned once.
    public func createUser(
        email: String, name: String, role: Role, password: String?, as actor: User
    ) async throws -> (user: User, generatedPassword: String?) {
        try requireAdmin(actor)
        let generated = password == nil ? RandomSecret.generate(length: Self.generatedPasswordLength) : nil
        let user = try await provision(email: email, name: name, role: role, password: password ?? generated!)
        return (user, generated)
    }

    public func listUsers(role: Role?, as actor: User) async throws -> [User] {
        try requireAdmin(actor)
        return try await users.list(role: role)
    }

    /// Active agents and admins, for staff choosing an assignee.
    public func listAssignableUsers(as actor: User) async throws -> [User] {
        guard actor.role.isStaff else { throw HelpdeskError.forbidden("Only agents and admins see the team.") }
        return try await users.list(role: nil).filter(Permissions.canBeAssigned)
    }

    /// Active customers, for staff opening a ticket on someone's behalf.
    public func listCustomers(as actor: User) async throws -> [User] {
        guard Permissions.canCreateTicketForOthers(as: actor) else { throw HelpdeskError.forbidden("Only agents and admins see the customers.") }
        return try await users.list(role: .customer).filter { !$0.isDisabled }
    }

    /// An admin changes a user; disabling ends their sessions, and the last active admin stays.
    public func updateUser(id: String, with patch: UserPatch, as actor: User) async throws -> User {
        try requireAdmin(actor)
        guard let existing = try await users.find(id: id) else { throw HelpdeskError.notFound("User") }
        var user = existing
        if let name = patch.name {
            user.name = try Validate.text(name, field: "name", maxLength: Self.maxNameLength)
        }
        if let role = patch.role { user.role = role }
        if let disabled = patch.isDisabled { user.isDisabled = disabled }
        let wasActiveAdmin = existing.role == .admin && !existing.isDisabled
        let isActiveAdmin = user.role == .admin && !user.isDisabled
        if wasActiveAdmin, !isActiveAdmin, try await users.countActiveAdmins() <= 1 {
            throw HelpdeskError.conflict("The desk needs at least one active admin.")
        }
        user.updatedAt = clock.now()
        try await users.update(user)
        if user.isDisabled { try await sessions.deleteAll(userId: user.id) }
        return user
    }

    public func hasActiveAdmin() async throws -> Bool {
        try await users.countActiveAdmins() > 0
    }

    private func startSession(for user: User) async throws -> String {
        let token = RandomSecret.generate()
        let now = clock.now()
        try await sessions.create(Session(
            tokenDigest: digester.digest(token), userId: user.id,
            createdAt: now, expiresAt: now.addingTimeInterval(settings.sessionLifetime)
        ))
        return token
    }

    private func requireAdmin(_ actor: User) throws {
        guard Permissions.canManageUsers(as: actor) else { throw HelpdeskError.forbidden("Only admins manage users.") }
    }

    /// A bcrypt hash of a random string, verified against when the email is unknown so both paths cost the same.
    private static let decoyHash = "$2b$10$C6UzMDM.H6dfI/f/IKxGhu3GUnkCyGW1eb0SSXvz0xfn1Bk1vd4.O"
}
