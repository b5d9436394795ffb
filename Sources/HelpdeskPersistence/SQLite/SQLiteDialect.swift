import SQLKit

/// SQLite's SQL as SQLKit writes it: positional `?` placeholders (SQLKit binds each value once, in
/// order; numbered ones cost SQLite a lookup per placeholder when preparing), RETURNING and standard upserts.
struct SQLiteDialect: SQLDialect {
    var name: String { "sqlite" }
    var identifierQuote: any SQLExpression { SQLRaw("\"") }
    var literalStringQuote: any SQLExpression { SQLRaw("'") }
    var supportsAutoIncrement: Bool { false }
    var autoIncrementClause: any SQLExpression { SQLRaw("AUTOINCREMENT") }
    var supportsReturning: Bool { true }
    var upsertSyntax: SQLUpsertSyntax { .standard }

    func bindPlaceholder(at position: Int) -> any SQLExpression {
        SQLRaw("?")
    }

    func literalBoolean(_ value: Bool) -> any SQLExpression {
        SQLRaw(value ? "1" : "0")
    }
}
