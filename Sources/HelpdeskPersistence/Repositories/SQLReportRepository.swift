import Foundation
import HelpdeskDomain
import SQLKit

/// Reports computed with a handful of grouped queries over tickets, messages and activity.
public struct SQLReportRepository: ReportRepository {
    static let dayLength: TimeInterval = 24 * 3600

    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func report(from: Date, to: Date) async throws -> TicketReport {
        let db = storage.reader
        let start = from.epochMilliseconds, end = to.epochMilliseconds
        func counts(_ query: SQLQueryString, key: String) async throws -> [String: Int] {
            var result: [String: Int] = [:]
            for row in try await db.raw(query).all() {
                result[try row.decode(column: key, as: String?.self) ?? ""] = try row.decode(column: "n", as: Int.self)
            }
            return result
        }
        func durations(_ query: SQLQueryString) async throws -> [TimeInterval] {
            try await db.raw(query).all().map { TimeInterval(try $0.decode(column: "d", as: Int64.self)) / 1000 }
        }

        let dayOf: SQLQueryString = switch db.flavor {
        case .sqlite: "date(created_at / 1000, 'unixepoch')"
        case .postgres: "to_char(to_timestamp(created_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        }
        let created = try await counts("""
            SELECT \(dayOf) AS day, COUNT(*) AS n FROM tickets
            WHERE created_at >= \(bind: start) AND created_at < \(bind: end) GROUP BY day
            """, key: "day")
        let resolved = try await counts("""
            SELECT \(dayOf) AS day, COUNT(*) AS n FROM activities
            WHERE kind = 'status_changed' AND to_value = 'resolved' AND created_at >= \(bind: start) AND created_at < \(bind: end)
            GROUP BY day
            """, key: "day")
        var days: [TicketReport.Day] = []
        var day = Calendar.utc.startOfDay(for: from)
        while day < to {
            let name = Self.dayName(day)
            days.append(TicketReport.Day(date: name, created: created[name] ?? 0, resolved: resolved[name] ?? 0))
            day = day.addingTimeInterval(Self.dayLength)
        }

        var byStatus: [TicketStatus: Int] = [.open: 0, .pending: 0]
        var byPriority = Dictionary(uniqueKeysWithValues: TicketPriority.allCases.map { ($0, 0) })
        for row in try await db.raw("""
            SELECT status, priority, COUNT(*) AS n FROM tickets WHERE status IN ('open', 'pending') GROUP BY status, priority
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            if let status = TicketStatus(rawValue: try row.decode(column: "status", as: String.self)) { byStatus[status, default: 0] += n }
            if let priority = TicketPriority(rawValue: try row.decode(column: "priority", as: String.self)) { byPriority[priority, default: 0] += n }
        }

        let firstResponse = try await durations("""
            SELECT first_responded_at - created_at AS d FROM tickets
            WHERE created_at >= \(bind: start) AND created_at < \(bind: end) AND first_responded_at IS NOT NULL
            """)
        let resolution = try await durations("""
            SELECT resolved_at - created_at AS d FROM tickets WHERE resolved_at >= \(bind: start) AND resolved_at < \(bind: end)
            """)
        let opened = created.values.reduce(0, +)
        let breached = try await counts("""
            SELECT a.to_value AS target, COUNT(DISTINCT a.ticket_id) AS n FROM activities a JOIN tickets t ON t.id = a.ticket_id
            WHERE a.kind = 'sla_breached' AND t.created_at >= \(bind: start) AND t.created_at < \(bind: end) GROUP BY a.to_value
            """, key: "target")
        let compliance = SlaAlert.Target.allCases.map { target in
            TicketReport.Compliance(target: target, tickets: opened, breached: breached[target.rawValue] ?? 0)
        }

        let assigned = try await counts("""
            SELECT assignee_id AS id, COUNT(*) AS n FROM tickets WHERE status IN ('open', 'pending') AND assignee_id IS NOT NULL
            GROUP BY assignee_id
            """, key: "id")
        let resolvedBy = try await counts("""
            SELECT actor_id AS id, COUNT(*) AS n FROM activities
            WHERE kind = 'status_changed' AND to_value = 'resolved' AND created_at >= \(bind: start) AND created_at < \(bind: end)
            GROUP BY actor_id
            """, key: "id")
        let replies = try await counts("""
            SELECT sender_id AS id, COUNT(*) AS n FROM messages
            WHERE sender = 'agent' AND created_at >= \(bind: start) AND created_at < \(bind: end) GROUP BY sender_id
            """, key: "id")
        let agents = try await db.raw("""
            SELECT id, name FROM users WHERE role IN ('agent', 'admin') AND is_disabled = 0 ORDER BY name, id
            """).all().map { row in
            let id = try row.decode(column: "id", as: String.self)
            return TicketReport.AgentLine(
                userId: id, name: try row.decode(column: "name", as: String.self),
                assigned: assigned[id] ?? 0, resolved: resolvedBy[id] ?? 0, replies: replies[id] ?? 0
            )
        }

        let scores = try await counts("""
            SELECT CAST(score AS TEXT) AS score, COUNT(*) AS n FROM ticket_ratings
            WHERE created_at >= \(bind: start) AND created_at < \(bind: end) GROUP BY score
            """, key: "score")
        let ratings = TicketReport.Ratings(distribution: Dictionary(uniqueKeysWithValues: TicketRating.scores.map { ($0, scores[String($0)] ?? 0) }))

        return TicketReport(
            from: from, to: to, days: days, backlogByStatus: byStatus, backlogByPriority: byPriority,
            firstResponse: TicketReport.Durations(firstResponse), resolution: TicketReport.Durations(resolution),
            compliance: compliance, agents: agents, ratings: ratings
        )
    }

    static func dayName(_ day: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, for report days.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
