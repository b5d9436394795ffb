import Foundation
import HelpdeskDomain
import SQLKit

/// The SLA policy as one JSON document in `desk_settings`.
public struct SQLSlaPolicyRepository: SlaPolicyRepository {
    static let key = "sla_policy"

    let storage: any SQLStorage

    public init(storage: any SQLStorage) {
        self.storage = storage
    }

    public func load() async throws -> SlaPolicy? {
        guard let text = try await storage.reader.raw("SELECT value FROM desk_settings WHERE key = \(bind: Self.key)")
            .first(decodingColumn: "value", as: String.self)
        else { return nil }
        return try JSONDecoder().decode(StoredSlaPolicy.self, from: Data(text.utf8)).policy()
    }

    public func save(_ policy: SlaPolicy) async throws {
        let text = String(decoding: try JSONEncoder().encode(StoredSlaPolicy(policy)), as: UTF8.self)
        try await storage.transaction { db in
            try await db.raw("""
                INSERT INTO desk_settings (key, value, updated_at) VALUES (\(bind: Self.key), \(bind: text), \(bind: Date().epochMilliseconds))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """).run()
        }
    }
}

/// The stored form of a policy: targets in seconds per priority, and the business hours if any.
private struct StoredSlaPolicy: Codable {
    struct Targets: Codable {
        var firstResponse: Double
        var nextResponse: Double
        var resolution: Double
    }

    struct Interval: Codable {
        var weekday: Int
        var start: Int
        var end: Int
    }

    struct Hours: Codable {
        var timeZone: String
        var intervals: [Interval]
        var holidays: [String]
    }

    var targets: [String: Targets]
    var businessHours: Hours?

    init(_ policy: SlaPolicy) {
        targets = Dictionary(uniqueKeysWithValues: policy.targets.map { priority, value in
            (priority.rawValue, Targets(firstResponse: value.firstResponse, nextResponse: value.nextResponse, resolution: value.resolution))
        })
        businessHours = policy.businessHours.map { hours in
            Hours(timeZone: hours.timeZone.identifier,
                  intervals: hours.intervals.map { Interval(weekday: $0.weekday, start: $0.start, end: $0.end) },
                  holidays: hours.holidays.sorted())
        }
    }

    func policy() throws -> SlaPolicy {
        var result: [TicketPriority: SlaTargets] = [:]
        for (name, value) in targets {
            guard let priority = TicketPriority(rawValue: name) else { continue }
            result[priority] = SlaTargets(firstResponse: value.firstResponse, nextResponse: value.nextResponse, resolution: value.resolution)
        }
        let hours = try businessHours.map { stored in
            try BusinessHours(
                timeZone: TimeZone(identifier: stored.timeZone) ?? .gmt,
                intervals: stored.intervals.map { BusinessHours.Interval(weekday: $0.weekday, start: $0.start, end: $0.end) },
                holidays: Set(stored.holidays)
            )
        }
        return SlaPolicy(targets: result, businessHours: hours)
    }
}
