import Foundation
import HelpdeskDomain
import HelpdeskPersistence
import Testing

@Suite struct SQLUserRepositoryTests {
    @Test func emailsAreUnique() async throws {
        try await TemporaryDatabase.withDatabase { database in
            try await database.addUser("alice", .customer)
            let twin = User(id: "other", email: "alice@example.com", name: "Twin", role: .customer,
                            createdAt: TemporaryDatabase.epoch, updatedAt: TemporaryDatabase.epoch)
            await #expect(throws: HelpdeskError.self) { try await database.users.create(twin, passwordHash: "x") }
        }
    }

    @Test func roundTripAndUpdate() async throws {
        try await TemporaryDatabase.withDatabase { database in
            var user = try await database.addUser("dana", .admin)
            #expect(try await database.users.find(id: "dana") == user)
            #expect(try await database.users.find(email: "DANA@example.com") == user)
            #expect(try await database.users.countActiveAdmins() == 1)
            user.isDisabled = true
            user.role = .agent
            try await database.users.update(user)
            #expect(try await database.users.find(id: "dana") == user)
            #expect(try await database.users.countActiveAdmins() == 0)
            #expect(try await database.users.list(role: .agent).map(\.id) == ["dana"])
        }
    }

    @Test func sessionsAreStoredByDigest() async throws {
        try await TemporaryDatabase.withDatabase { database in
            try await database.addUser("alice", .customer)
            let sessions = SQLSessionRepository(storage: database.storage)
            let session = Session(tokenDigest: "abc", userId: "alice", createdAt: TemporaryDatabase.epoch,
                                  expiresAt: TemporaryDatabase.epoch.addingTimeInterval(60))
            try await sessions.create(session)
            #expect(try await sessions.find(tokenDigest: "abc") == session)
            try await sessions.deleteAll(userId: "alice")
            #expect(try await sessions.find(tokenDigest: "abc") == nil)
        }
    }
}
