import Foundation

/// The source of "now", injected so tests control time.
public protocol HelpdeskClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: HelpdeskClock {
    public init() {}
    public func now() -> Date { Date() }
}
