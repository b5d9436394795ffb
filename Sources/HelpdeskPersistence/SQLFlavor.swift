import SQLKit

/// The SQL dialects the repositories speak, for the few statements written differently in each.
enum SQLFlavor: Sendable {
    case sqlite
    case postgres
}

extension SQLDatabase {
    var flavor: SQLFlavor { dialect.name == "postgresql" ? .postgres : .sqlite }
}
