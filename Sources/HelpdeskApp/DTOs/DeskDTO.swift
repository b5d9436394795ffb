import HelpdeskDomain
import Hummingbird

/// The public settings of the desk: categories, priorities, limits, sign-up and the "due soon" window.
struct DeskDTO: ResponseEncodable {
    var categories: [String]
    var priorities: [String]
    var allowsRegistration: Bool
    var maxTitleLength: Int
    var maxMessageLength: Int
    var dueSoonSeconds: Int

    init(_ settings: DeskSettings) {
        categories = settings.categories
        priorities = TicketPriority.allCases.map(\.rawValue)
        allowsRegistration = settings.allowsRegistration
        maxTitleLength = settings.maxTitleLength
        maxMessageLength = settings.maxMessageLength
        dueSoonSeconds = Int(TicketStats.dueSoonWindow)
    }
}
