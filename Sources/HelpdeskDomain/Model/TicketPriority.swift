/// How urgent a ticket is; `rank` orders them from low (0) to urgent (3).
public enum TicketPriority: String, Codable, Sendable, CaseIterable {
    case low
    case medium
    case high
    case urgent

    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .urgent: 3
        }
    }
}
