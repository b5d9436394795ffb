import SQLKit
import Synchronization

/// A statement whose SQL text is serialized once per shape and dialect and then reused with each
/// run's values; SQLKit would otherwise rebuild the text, quoting identifiers and all, every time.
///
/// `template` is called on the first run of a shape only, and must bind exactly `values`, in order.
struct ReusableStatement: SQLExpression {
    private static let texts = Mutex<[String: String]>([:])

    private let text: String
    private let values: [any Encodable & Sendable]

    init(_ shape: String, _ values: [any Encodable & Sendable], on database: any SQLDatabase, template: () -> SQLQueryString) {
        let key = database.dialect.name + "/" + shape
        if let text = Self.texts.withLock({ $0[key] }) {
            self.text = text
        } else {
            let (text, binds) = database.serialize(template())
            precondition(binds.count == values.count, "the template of \(shape) binds its values")
            Self.texts.withLock { $0[key] = text }
            self.text = text
        }
        self.values = values
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds.append(contentsOf: values)
    }
}

extension SQLDatabase {
    /// Runs a statement that returns no rows.
    func run(_ statement: ReusableStatement) async throws {
        try await execute(sql: statement) { _ in }
    }
}
