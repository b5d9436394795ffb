/// One versioned step of the schema, applied once and recorded in `schema_migrations`.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    public var statements: [String]
}
