import Foundation

/// The figures behind a report, read from the stored tickets, messages and activity.
public protocol ReportRepository: Sendable {
    /// The report for tickets opened (and things done) in `from ..< to`; days are UTC days.
    func report(from: Date, to: Date) async throws -> TicketReport
}
