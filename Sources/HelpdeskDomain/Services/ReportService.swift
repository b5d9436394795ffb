import Foundation

/// Reports for agents and admins.
public struct ReportService: Sendable {
    /// The longest period one report covers.
    public static let longestPeriod: TimeInterval = 366 * 24 * 3600

    private let reports: any ReportRepository

    public init(reports: any ReportRepository) {
        self.reports = reports
    }

    public func summary(from: Date, to: Date, as actor: User) async throws -> TicketReport {
        guard actor.role.isStaff else { throw HelpdeskError.forbidden("Only agents and admins see reports.") }
        guard from < to else { throw HelpdeskError.invalidField("from", "must be before to") }
        guard to.timeIntervalSince(from) <= Self.longestPeriod else { throw HelpdeskError.invalidField("to", "may be at most 366 days after from") }
        return try await reports.report(from: from, to: to)
    }
}
