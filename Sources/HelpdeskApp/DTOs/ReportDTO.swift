import Foundation
import HelpdeskDomain
import Hummingbird

/// `GET /api/reports/summary`: durations in seconds, compliance in percent (null without tickets).
struct ReportDTO: ResponseEncodable {
    struct Day: Encodable {
        var date: String
        var created: Int
        var resolved: Int
    }

    struct Durations: Encodable {
        var count: Int
        var medianSeconds: Double?
        var p90Seconds: Double?
    }

    struct Compliance: Encodable {
        var target: String
        var tickets: Int
        var breached: Int
        var percent: Double?
    }

    struct Agent: Encodable {
        var userId: String
        var name: String
        var assigned: Int
        var resolved: Int
        var replies: Int
    }

    /// Ratings given in the period: how many of each score ("1"…"5") and their mean.
    struct Ratings: Encodable {
        var count: Int
        var average: Double?
        var distribution: [String: Int]
    }

    var from: Date
    var to: Date
    var days: [Day]
    var backlog: [String: [String: Int]]
    var firstResponse: Durations
    var resolution: Durations
    var slaCompliance: [Compliance]
    var agents: [Agent]
    var ratings: Ratings

    init(_ report: TicketReport) {
        from = report.from
        to = report.to
        days = report.days.map { Day(date: $0.date, created: $0.created, resolved: $0.resolved) }
        backlog = [
            "byStatus": Dictionary(uniqueKeysWithValues: report.backlogByStatus.map { ($0.key.rawValue, $0.value) }),
            "byPriority": Dictionary(uniqueKeysWithValues: report.backlogByPriority.map { ($0.key.rawValue, $0.value) }),
        ]
        func durations(_ value: TicketReport.Durations) -> Durations {
            Durations(count: value.count, medianSeconds: value.median, p90Seconds: value.p90)
        }
        firstResponse = durations(report.firstResponse)
        resolution = durations(report.resolution)
        slaCompliance = report.compliance.map {
            Compliance(target: $0.target.rawValue, tickets: $0.tickets, breached: $0.breached, percent: $0.percent.map { ($0 * 10).rounded() / 10 })
        }
        agents = report.agents.map { Agent(userId: $0.userId, name: $0.name, assigned: $0.assigned, resolved: $0.resolved, replies: $0.replies) }
        ratings = Ratings(
            count: report.ratings.count, average: report.ratings.average.map { ($0 * 100).rounded() / 100 },
            distribution: Dictionary(uniqueKeysWithValues: report.ratings.distribution.map { (String($0.key), $0.value) })
        )
    }
}
