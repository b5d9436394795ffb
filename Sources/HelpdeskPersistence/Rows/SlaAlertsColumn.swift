import Foundation
import HelpdeskDomain

/// The `sla_alerts` column: the alerts recorded for a ticket's current deadlines, as
/// `target:kind:dueAtMilliseconds` entries separated by commas.
enum SlaAlertsColumn {
    static func encode(_ alerts: Set<SlaAlert>) -> String {
        alerts.map { "\($0.target.rawValue):\($0.kind.rawValue):\($0.dueAt.epochMilliseconds)" }.sorted().joined(separator: ",")
    }

    static func decode(_ text: String) -> Set<SlaAlert> {
        Set(text.split(separator: ",").compactMap { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 3, let target = SlaAlert.Target(rawValue: String(parts[0])),
                  let kind = SlaAlert.Kind(rawValue: String(parts[1])), let due = Int64(parts[2])
            else { return nil }
            return SlaAlert(target: target, kind: kind, dueAt: Date(epochMilliseconds: due))
        })
    }
}
