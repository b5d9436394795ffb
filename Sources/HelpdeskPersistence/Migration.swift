/// One versioned step of the schema, applied once and recorded in `schema_migrations`, written for
/// each dialect (the same statements where the two agree).
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    public var sqlite: [String]
    public var postgres: [String]

    /// A step both dialects take with the same statements.
    public init(version: Int, name: String, statements: [String]) {
        self.init(version: version, name: name, sqlite: statements, postgres: statements)
    }

    public init(version: Int, name: String, sqlite: [String], postgres: [String]) {
        self.version = version
        self.name = name
        self.sqlite = sqlite
        self.postgres = postgres
    }

    func statements(for flavor: SQLFlavor) -> [String] {
        switch flavor {
        case .sqlite: sqlite
        case .postgres: postgres
        }
    }
}
