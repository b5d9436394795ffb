import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// SQLite read connections that each run one statement at a time.
///
/// A connection shared by concurrent statements keeps one read snapshot while any of them is
/// active, so a read could miss a transaction that committed just before it; lending each
/// connection out exclusively makes every read see every commit that finished before it began.
final class SQLiteReaderPool: SQLDatabase {
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect = SQLiteDialect()
    var queryLogLevel: Logger.Level? { .trace }
    private let connections: [SQLiteConnection]
    private let slots: ConnectionSlots

    init(connections: [SQLiteConnection], logger: Logger) {
        precondition(!connections.isEmpty, "a reader pool needs a connection")
        self.connections = connections
        self.logger = logger
        self.eventLoop = connections[0].eventLoop
        self.slots = ConnectionSlots(count: connections.count)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let index = await slots.acquire()
        do {
            try await connections[index].sql(queryLogLevel: .trace).execute(sql: query, onRow)
            await slots.release(index)
        } catch {
            await slots.release(index)
            throw error
        }
    }
}

/// Which pooled connections are free, and who waits for one, first come first served.
private actor ConnectionSlots {
    private var free: [Int]
    private var waiters: [CheckedContinuation<Int, Never>] = []

    init(count: Int) {
        free = Array(0..<count)
    }

    func acquire() async -> Int {
        if let index = free.popLast() { return index }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ index: Int) {
        if waiters.isEmpty {
            free.append(index)
        } else {
            waiters.removeFirst().resume(returning: index)
        }
    }
}
