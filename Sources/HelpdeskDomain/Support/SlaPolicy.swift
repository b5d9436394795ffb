import Foundation

/// How long the desk has to resolve a ticket: a default, shortened or lengthened per priority.
public struct SlaPolicy: Sendable, Equatable {
    public var defaultDuration: TimeInterval
    public var perPriority: [TicketPriority: TimeInterval]

    public init(defaultDuration: TimeInterval = 24 * 3600, perPriority: [TicketPriority: TimeInterval] = [:]) {
        self.defaultDuration = defaultDuration
        self.perPriority = perPriority
    }

    public func duration(for priority: TicketPriority) -> TimeInterval {
        perPriority[priority] ?? defaultDuration
    }

    public func deadline(createdAt: Date, priority: TicketPriority) -> Date {
        createdAt.addingTimeInterval(duration(for: priority))
    }
}
