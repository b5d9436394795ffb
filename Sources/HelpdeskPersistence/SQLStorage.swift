import SQLKit

/// A SQL database as the repositories see it: reads anywhere, writes in serialized transactions.
public protocol SQLStorage: Sendable {
    /// For reads outside a transaction.
    var reader: any SQLDatabase { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Checks that the database answers.
    func ping() async throws
    func close() async throws
}
