import Foundation

/// Where the data lives, parsed from a URL such as `sqlite:./data/helpdesk.sqlite` or `sqlite::memory:`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory

    public static let defaultURL = "sqlite:./data/helpdesk.sqlite"

    public init(url: String) throws {
        guard url.hasPrefix("sqlite:") else {
            throw DatabaseLocationError(url: url, reason: "only sqlite:PATH is supported")
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
    public var description: String { "Cannot use database \(url): \(reason)." }
}
