import HelpdeskDomain
import Hummingbird

/// `GET /api/tickets/stats`: tickets per status, and active ones by assignment and SLA state.
struct TicketStatsDTO: ResponseEncodable {
    var byStatus: [String: Int]
    var total: Int
    var assignedToMe: Int
    var unassigned: Int
    var slaBreached: Int
    var slaDueSoon: Int

    init(_ stats: TicketStats) {
        byStatus = Dictionary(uniqueKeysWithValues: TicketStatus.allCases.map { ($0.rawValue, stats.byStatus[$0] ?? 0) })
        total = stats.total
        assignedToMe = stats.assignedToViewer
        unassigned = stats.unassigned
        slaBreached = stats.slaBreached
        slaDueSoon = stats.slaDueSoon
    }
}
