import Foundation
import HelpdeskDomain
import Hummingbird

/// `GET` and `PUT /api/sla-policies`: targets in seconds per priority, and optional business hours
/// (`{timeZone, intervals: [{day: "monday", start: "09:00", end: "17:00"}], holidays: ["2026-12-25"]}`).
struct SlaPolicyDTO: ResponseEncodable, Decodable {
    struct Targets: Codable {
        var firstResponseSeconds: Double
        var nextResponseSeconds: Double
        var resolutionSeconds: Double
    }

    struct Interval: Codable {
        var day: String
        var start: String
        var end: String
    }

    struct Hours: Codable {
        var timeZone: String
        var intervals: [Interval]
        var holidays: [String]?
    }

    static let days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    var targets: [String: Targets]
    var businessHours: Hours?

    init(_ policy: SlaPolicy) {
        targets = Dictionary(uniqueKeysWithValues: TicketPriority.allCases.map { priority in
            let value = policy.targets(for: priority)
            return (priority.rawValue, Targets(
                firstResponseSeconds: value.firstResponse, nextResponseSeconds: value.nextResponse, resolutionSeconds: value.resolution
            ))
        })
        businessHours = policy.businessHours.map { hours in
            Hours(
                timeZone: hours.timeZone.identifier,
                intervals: hours.intervals.map { Interval(day: Self.days[$0.weekday - 1], start: Self.clock($0.start), end: Self.clock($0.end)) },
                holidays: hours.holidays.sorted()
            )
        }
    }

    /// The policy this body describes; every priority must be named.
    func policy() throws -> SlaPolicy {
        var result: [TicketPriority: SlaTargets] = [:]
        for (name, value) in targets {
            let priority: TicketPriority = try WireEnum.parse(name, field: "targets")
            result[priority] = SlaTargets(
                firstResponse: value.firstResponseSeconds, nextResponse: value.nextResponseSeconds, resolution: value.resolutionSeconds
            )
        }
        let hours = try businessHours.map { hours in
            guard let zone = TimeZone(identifier: hours.timeZone) else {
                throw HelpdeskError.invalidField("businessHours.timeZone", "must be a time zone such as Asia/Riyadh")
            }
            return try BusinessHours(
                timeZone: zone,
                intervals: try hours.intervals.map { interval in
                    guard let day = Self.days.firstIndex(of: interval.day.lowercased()) else {
                        throw HelpdeskError.invalidField("businessHours.intervals.day", "must be one of \(Self.days.joined(separator: ", "))")
                    }
                    return BusinessHours.Interval(weekday: day + 1, start: try Self.minutes(interval.start), end: try Self.minutes(interval.end))
                },
                holidays: Set(hours.holidays ?? [])
            )
        }
        return SlaPolicy(targets: result, businessHours: hours)
    }

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    static func minutes(_ clock: String) throws -> Int {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { throw HelpdeskError.invalidField("businessHours.intervals", "times must look like 09:00 (24:00 for midnight)") }
        return hours * 60 + minutes
    }
}
