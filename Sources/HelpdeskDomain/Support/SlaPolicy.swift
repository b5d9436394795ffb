import Foundation

/// The desk's service levels: three targets per priority, and the hours their clocks run in
/// (around the clock when `businessHours` is nil).
public struct SlaPolicy: Sendable, Equatable {
    /// Urgent 1 h / 1 h / 4 h, high 4 / 4 / 12, medium 8 / 8 / 24, low 24 / 24 / 72.
    public static let defaultTargets: [TicketPriority: SlaTargets] = [
        .urgent: SlaTargets(firstResponse: 1 * 3600, nextResponse: 1 * 3600, resolution: 4 * 3600),
        .high: SlaTargets(firstResponse: 4 * 3600, nextResponse: 4 * 3600, resolution: 12 * 3600),
        .medium: SlaTargets(firstResponse: 8 * 3600, nextResponse: 8 * 3600, resolution: 24 * 3600),
        .low: SlaTargets(firstResponse: 24 * 3600, nextResponse: 24 * 3600, resolution: 72 * 3600),
    ]

    public var targets: [TicketPriority: SlaTargets]
    public var businessHours: BusinessHours?

    public init(targets: [TicketPriority: SlaTargets] = SlaPolicy.defaultTargets, businessHours: BusinessHours? = nil) {
        self.targets = targets
        self.businessHours = businessHours
    }

    public func targets(for priority: TicketPriority) -> SlaTargets {
        targets[priority] ?? Self.defaultTargets[priority]!
    }

    /// The moment `seconds` of clock time after `start`.
    public func deadline(after seconds: TimeInterval, from start: Date) -> Date {
        businessHours?.adding(seconds, to: start) ?? start.addingTimeInterval(max(0, seconds))
    }

    /// Clock time between two moments.
    public func elapsed(from start: Date, to end: Date) -> TimeInterval {
        businessHours?.workingSeconds(from: start, to: end) ?? max(0, end.timeIntervalSince(start))
    }
}
