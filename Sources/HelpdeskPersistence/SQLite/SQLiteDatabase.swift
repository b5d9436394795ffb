import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// SQLKit over our SQLite connections. `direct` runs each statement on the calling thread (the
/// writer, whose transactions run on a thread of their own); `pooled` lends statements to the
/// blocking thread pool, spreading them over several read connections.
struct SQLiteDatabase: SQLDatabase {
    enum Execution: Sendable {
        case direct(SQLiteConnectionLock)
        case pooled([SQLiteConnectionLock], NIOThreadPool, Counter)
    }

    /// Picks read connections in turn.
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)

        func next() -> Int {
            value.add(1, ordering: .relaxed).oldValue
        }
    }

    let execution: Execution
    let logger: Logger
    let eventLoop: any EventLoop
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        let values = try binds.map(SQLiteBinding.value(of:))
        switch execution {
        case .direct(let connection):
            try connection.run(sql, values, onRow: onRow)
        case .pooled(let connections, let threadPool, let counter):
            let connection = connections[counter.next() % connections.count]
            try await threadPool.runIfActive { try connection.run(sql, values, onRow: onRow) }
        }
    }
}
