import Foundation
import HelpdeskApp
import HelpdeskDomain
import HelpdeskPersistence
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing

/// The real application over an in-memory database, driven through the router.
@Suite struct AppTests {
    /// The wire shape of an error, declared here so an accidental change fails the tests.
    struct ErrorBody: Decodable, Equatable {
        struct Detail: Decodable, Equatable {
            var code: String
            var message: String
        }
        var error: Detail
    }

    struct SessionBody: Decodable {
        struct User: Decodable {
            var id: String
            var email: String
            var role: String
        }
        var user: User
        var token: String
    }

    static func withApp(
        config: AppConfig = AppConfig(), storage: (any SQLStorage)? = nil,
        _ test: @Sendable (any TestClientProtocol, Helpdesk) async throws -> Void
    ) async throws {
        var config = config
        config.bcryptCost = 4
        let storage: any SQLStorage = if let storage { storage } else {
            try await SQLiteStorage.open(.sqliteMemory, logger: Logger(label: "test"))
        }
        try await Migrator(storage: storage, logger: Logger(label: "test")).migrate()
        let helpdesk = Helpdesk(storage: storage, config: config)
        _ = try await helpdesk.accounts.provision(email: "agent@example.com", name: "Agent", role: .agent, password: "agent-password")
        let app = try buildApplication(storage: storage, config: config, logger: Logger(label: "test"))
        try await app.test(.router) { client in try await test(client, helpdesk) }
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
    }

    static func error(_ response: TestResponse) -> ErrorBody.Detail? {
        try? decode(ErrorBody.self, response).error
    }

    static func login(_ client: any TestClientProtocol) async throws -> SessionBody {
        try await client.execute(
            uri: "/api/auth/login", method: .post, headers: [.contentType: "application/json"],
            body: json(#"{"email":"agent@example.com","password":"agent-password"}"#)
        ) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.setCookie]?.contains("HttpOnly") == true)
            #expect(response.headers[.setCookie]?.contains("SameSite=Lax") == true)
            return try decode(SessionBody.self, response)
        }
    }

    @Test func unknownRoutesAnswerInTheErrorFormat() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/api/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(Self.error(response)?.code == "NOT_FOUND")
            }
        }
    }

    @Test func bearerAndCookieBothAuthenticate() async throws {
        try await Self.withApp { client, _ in
            let session = try await Self.login(client)
            #expect(session.user.role == "agent")
            for header: HTTPFields in [[.authorization: "Bearer \(session.token)"], [.cookie: "helpdesk_session=\(session.token)"]] {
                try await client.execute(uri: "/api/auth/me", method: .get, headers: header) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/api/auth/me", method: .get, headers: [.authorization: "Bearer nonsense"]) { response in
                #expect(response.status == .unauthorized)
                #expect(Self.error(response)?.code == "UNAUTHORIZED")
            }
        }
    }

    @Test func cookieRequestsFromOtherSitesAreRejected() async throws {
        try await Self.withApp { client, _ in
            let token = try await Self.login(client).token
            let body = Self.json(#"{"status":"resolved"}"#)
            for headers: HTTPFields in [
                [.cookie: "helpdesk_session=\(token)", .contentType: "application/json"],
                [.cookie: "helpdesk_session=\(token)", .contentType: "application/json", .origin: "https://evil.example"],
            ] {
                try await client.execute(uri: "/api/tickets/x", method: .patch, headers: headers, body: body) { response in
                    #expect(response.status == .forbidden)
                    #expect(Self.error(response)?.code == "CSRF_REJECTED")
                }
            }
        }
    }

    @Test func malformedAndOversizedBodies() async throws {
        var config = AppConfig()
        config.maxBodyBytes = 2048
        try await Self.withApp(config: config) { client, _ in
            let auth: HTTPFields = [.authorization: "Bearer \(try await Self.login(client).token)", .contentType: "application/json"]
            try await client.execute(uri: "/api/user/tickets", method: .post, headers: auth, body: Self.json("{not json")) { response in
                #expect(response.status == .badRequest)
                #expect(Self.error(response)?.code == "BAD_REQUEST")
            }
            try await client.execute(uri: "/api/user/tickets", method: .post, headers: auth,
                                     body: Self.json(#"{"title":"A","category":"general"}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(Self.error(response)?.message == "content: is required")
            }
            let huge = #"{"title":"A","category":"general","content":""# + String(repeating: "x", count: 4096) + #""}"#
            try await client.execute(uri: "/api/user/tickets", method: .post, headers: auth, body: Self.json(huge)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.error(response)?.code == "PAYLOAD_TOO_LARGE")
            }
        }
    }

    @Test func healthReportsAnUnreachableDatabase() async throws {
        let storage = try await SQLiteStorage.open(.sqliteMemory, logger: Logger(label: "test"))
        try await Self.withApp(storage: storage) { client, _ in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await storage.close()
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("unreachable"))
            }
        }
    }

    @Test func metricsCountRequests() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/health", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#"helpdesk_http_requests_total{method="GET",route="/health",status="200"} 1"#))
            }
        }
    }

    @Test func theRateLimitAnswers429WithRetryAfter() async throws {
        var config = AppConfig()
        config.requestsPerMinute = 3
        try await Self.withApp(config: config) { client, _ in
            for _ in 0..<3 {
                try await client.execute(uri: "/api/auth/me", method: .get) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/api/auth/me", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                #expect(Self.error(response)?.code == "RATE_LIMITED")
            }
        }
    }

    @Test func pagesAndScriptsComeFromThePublicDirectoryUnderAStrictPolicy() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-public-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("js"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("<title>console</title>".utf8).write(to: directory.appendingPathComponent("console.html"))
        try Data("export {};".utf8).write(to: directory.appendingPathComponent("js/app.js"))
        var config = AppConfig()
        config.publicDirectory = directory.path
        try await Self.withApp(config: config) { client, _ in
            try await client.execute(uri: "/admin/tickets", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body) == "<title>console</title>")
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe"))
            }
            try await client.execute(uri: "/js/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "export {};")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/user/support", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/nothing-here", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    @Test func deskSettingsArePublicAndStatsAreNotATicketId() async throws {
        try await Self.withApp { client, _ in
            try await client.execute(uri: "/api/desk", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""categories":["general","technical","billing","account","other"]"#))
            }
            let auth: HTTPFields = [.authorization: "Bearer \(try await Self.login(client).token)"]
            try await client.execute(uri: "/api/tickets/stats", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""total":0"#))
            }
        }
    }
}
