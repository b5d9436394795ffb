import Foundation

/// The source of "now", injected so tests control time.
public protocol HelpdeskClock: Sendable {
    func now() -> Date
}

/// The wall clock, to the millisecond: the precision times are stored with, so a deadline computed
/// from "now" and one computed later from the stored time agree.
public struct SystemClock: HelpdeskClock {
    public init() {}
    public func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
