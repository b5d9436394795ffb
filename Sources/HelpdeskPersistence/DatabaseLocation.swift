import Foundation

/// Where the data lives, parsed from a URL such as `sqlite:./data/helpdesk.sqlite`, `sqlite::memory:`
/// or `postgres://user:password@host:5432/database`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory
    /// A PostgreSQL server, by its `postgres://` (or `postgresql://`) URL.
    case postgres(String)

    public static let defaultURL = "sqlite:./data/helpdesk.sqlite"

    public init(url: String) throws {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard let parsed = URL(string: url), parsed.host != nil, !parsed.path.dropFirst().isEmpty else {
                throw DatabaseLocationError(url: url, reason: "a PostgreSQL URL names a host and a database: postgres://user:password@host:5432/database")
            }
            self = .postgres(url)
            return
        }
        guard url.hasPrefix("sqlite:") else {
            throw DatabaseLocationError(url: url, reason: "use sqlite:PATH or postgres://user:password@host:port/database")
        }
        var path = String(url.dropFirst("sqlite:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }
        guard !path.isEmpty else { throw DatabaseLocationError(url: url, reason: "the path is empty") }
        self = path == ":memory:" ? .sqliteMemory : .sqliteFile(path)
    }
}

/// A database URL that cannot be used, and why.
public struct DatabaseLocationError: Error, CustomStringConvertible {
    public var url: String
    public var reason: String
    public var description: String { "Cannot use database \(Self.redacted(url)): \(reason)." }

    /// The URL without its password, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}
