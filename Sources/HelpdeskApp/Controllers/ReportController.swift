import Foundation
import HelpdeskDomain
import Hummingbird

/// `/api/reports/summary?from&to` (ISO 8601 times; the last 30 days by default), for agents and admins.
struct ReportController {
    static let defaultPeriod: TimeInterval = 30 * 24 * 3600

    let reports: ReportService

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("summary") { request, context in
            let parameters = QueryParameters(request)
            let to = try parameters.get("to").map { try Self.time($0, field: "to") } ?? Date()
            let from = try parameters.get("from").map { try Self.time($0, field: "from") } ?? to.addingTimeInterval(-Self.defaultPeriod)
            return ReportDTO(try await reports.summary(from: from, to: to, as: context.user))
        }
    }

    /// An ISO 8601 time, or a plain date (midnight UTC).
    static func time(_ text: String, field: String) throws -> Date {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard let date = full.date(from: text) ?? ISO8601DateFormatter().date(from: text) ?? day.date(from: text) else {
            throw HelpdeskError.invalidField(field, "must be a date like 2026-11-01 or a time like 2026-11-01T08:00:00Z")
        }
        return date
    }
}
