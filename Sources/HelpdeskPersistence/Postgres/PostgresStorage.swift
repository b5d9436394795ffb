import Foundation
import Logging
import NIOCore
import NIOPosix
@preconcurrency import AsyncKit
import PostgresKit
import SQLKit

/// PostgreSQL through a pool of connections spread over the event loops: reads take any free
/// connection, each transaction holds one from `BEGIN` to `COMMIT`. Several nodes may share it;
/// the repositories lock the rows they change (`FOR UPDATE`) where a read decides a write.
public final class PostgresStorage: SQLStorage {
    /// Connections per event loop; with the loops of a two-core machine, 16 per node.
    static let connectionsPerEventLoop = 8

    public let reader: any SQLDatabase
    /// How to reach the server, for connections of their own (listening for notifications).
    public let configuration: SQLPostgresConfiguration
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let logger: Logger

    private init(configuration: SQLPostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: Self.connectionsPerEventLoop,
            requestTimeout: .seconds(5),
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton
        )
        self.reader = PostgresReader(base: pool.database(logger: logger).sql(queryLogLevel: .trace))
    }

    /// Connects to the server `url` names and checks that it answers.
    public static func open(url: String, logger: Logger) async throws -> PostgresStorage {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw DatabaseLocationError(url: url, reason: "the URL is not a PostgreSQL URL (\(error))")
        }
        let storage = PostgresStorage(configuration: configuration, logger: logger)
        do {
            try await storage.ping()
        } catch {
            try? await storage.close()
            throw DatabaseLocationError(url: url, reason: "the server does not answer (\(String(reflecting: error)))")
        }
        return storage
    }

    /// Fails with `HelpdeskError.unavailable` when the server cannot be reached.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection: PostgresConnection
        do {
            connection = try await pool.requestConnection(logger: logger).get()
        } catch {
            throw PostgresUnavailability.mapped(error)
        }
        defer { pool.releaseConnection(connection, logger: logger) }
        let db = PostgresReader(base: connection.sql(queryLogLevel: .trace))
        try await db.raw("BEGIN").run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    public func ping() async throws {
        _ = try await reader.raw("SELECT 1 AS ok").first()
    }

    public func close() async throws {
        try await pool.shutdownAsync()
    }
}
