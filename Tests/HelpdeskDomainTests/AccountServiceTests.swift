import Foundation
import HelpdeskDomain
import Testing

@Suite struct AccountServiceTests {
    let users = InMemoryUserRepository()
    let sessions = InMemorySessionRepository()
    let clock = TestClock()

    func service(registration: Bool = true) -> AccountService {
        AccountService(
            users: users, sessions: sessions, hasher: ReversibleHasher(), digester: ReversibleHasher(),
            clock: clock, settings: DeskSettings(allowsRegistration: registration, sessionLifetime: 3600)
        )
    }

    @Test func signInAndOut() async throws {
        let accounts = service()
        _ = try await accounts.provision(email: " Sami@Example.com ", name: "Sami", role: .agent, password: "correct horse")
        let signedIn = try await accounts.login(email: "SAMI@example.com", password: "correct horse")
        #expect(signedIn.user.email == "sami@example.com")
        #expect(try await accounts.authenticate(token: signedIn.token).id == signedIn.user.id)
        try await accounts.logout(token: signedIn.token)
        await #expect(throws: HelpdeskError.unauthenticated) { try await accounts.authenticate(token: signedIn.token) }
    }

    @Test func wrongPasswordAndUnknownEmailLookTheSame() async throws {
        let accounts = service()
        _ = try await accounts.provision(email: "a@example.com", name: "A", role: .customer, password: "password1")
        await #expect(throws: HelpdeskError.unauthenticated) { try await accounts.login(email: "a@example.com", password: "password2") }
        await #expect(throws: HelpdeskError.unauthenticated) { try await accounts.login(email: "b@example.com", password: "password1") }
    }

    @Test func sessionsExpire() async throws {
        let accounts = service()
        _ = try await accounts.provision(email: "a@example.com", name: "A", role: .customer, password: "password1")
        let token = try await accounts.login(email: "a@example.com", password: "password1").token
        clock.advance(by: 3601)
        await #expect(throws: HelpdeskError.unauthenticated) { try await accounts.authenticate(token: token) }
    }

    @Test func registrationCanBeTurnedOff() async throws {
        let signedIn = try await service().register(email: "new@example.com", name: "New", password: "password1")
        #expect(signedIn.user.role == .customer)
        await #expect(throws: HelpdeskError.self) {
            try await service(registration: false).register(email: "other@example.com", name: "O", password: "password1")
        }
        await #expect(throws: HelpdeskError.conflict("taken")) {
            try await service().register(email: "new@example.com", name: "Again", password: "password1")
        }
    }

    @Test func inputIsValidated() async throws {
        await #expect(throws: HelpdeskError.invalidField("email", "must be a valid email address")) {
            try await service().provision(email: "not-an-email", name: "X", role: .customer, password: "password1")
        }
        await #expect(throws: HelpdeskError.invalidField("password", "must be at least 8 characters")) {
            try await service().provision(email: "x@example.com", name: "X", role: .customer, password: "short")
        }
    }

    @Test func disablingEndsSessionsAndBlocksSignIn() async throws {
        let accounts = service()
        let admin = try await accounts.provision(email: "admin@example.com", name: "Admin", role: .admin, password: "password1")
        let created = try await accounts.createUser(email: "c@example.com", name: "C", role: .customer, password: nil, as: admin)
        let password = try #require(created.generatedPassword)
        #expect(password.count == AccountService.generatedPasswordLength)
        let token = try await accounts.login(email: "c@example.com", password: password).token
        _ = try await accounts.updateUser(id: created.user.id, with: UserPatch(isDisabled: true), as: admin)
        await #expect(throws: HelpdeskError.unauthenticated) { try await accounts.authenticate(token: token) }
        await #expect(throws: HelpdeskError.accountDisabled) { try await accounts.login(email: "c@example.com", password: password) }
    }

    @Test func theLastAdminStays() async throws {
        let accounts = service()
        let admin = try await accounts.provision(email: "admin@example.com", name: "Admin", role: .admin, password: "password1")
        await #expect(throws: HelpdeskError.self) { try await accounts.updateUser(id: admin.id, with: UserPatch(role: .agent), as: admin) }
        await #expect(throws: HelpdeskError.self) { try await accounts.updateUser(id: admin.id, with: UserPatch(isDisabled: true), as: admin) }
        let second = try await accounts.createUser(email: "b@example.com", name: "B", role: .admin, password: "password1", as: admin)
        let demoted = try await accounts.updateUser(id: admin.id, with: UserPatch(role: .agent), as: second.user)
        #expect(demoted.role == .agent)
    }

    @Test func onlyAdminsManageUsers() async throws {
        let accounts = service()
        let agent = try await accounts.provision(email: "agent@example.com", name: "Agent", role: .agent, password: "password1")
        await #expect(throws: HelpdeskError.self) { try await accounts.listUsers(role: nil, as: agent) }
        await #expect(throws: HelpdeskError.self) {
            try await accounts.createUser(email: "x@example.com", name: "X", role: .admin, password: nil, as: agent)
        }
        #expect(try await accounts.listAssignableUsers(as: agent).map(\.id) == [agent.id])
    }

    @Test func staffSeeActiveCustomersAndCustomersDoNot() async throws {
        let accounts = service()
        let admin = try await accounts.provision(email: "admin@example.com", name: "Admin", role: .admin, password: "password1")
        let agent = try await accounts.provision(email: "agent@example.com", name: "Agent", role: .agent, password: "password1")
        let alice = try await accounts.provision(email: "alice@example.com", name: "Alice", role: .customer, password: "password1")
        let bob = try await accounts.provision(email: "bob@example.com", name: "Bob", role: .customer, password: "password1")
        _ = try await accounts.updateUser(id: bob.id, with: UserPatch(isDisabled: true), as: admin)
        #expect(try await accounts.listCustomers(as: agent).map(\.id) == [alice.id])
        await #expect(throws: HelpdeskError.self) { try await accounts.listCustomers(as: alice) }
    }
}
