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
            let to = try parameters.time("to") ?? Date()
            let from = try parameters.time("from") ?? to.addingTimeInterval(-Self.defaultPeriod)
            return ReportDTO(try await reports.summary(from: from, to: to, as: context.user))
        }
    }
}
