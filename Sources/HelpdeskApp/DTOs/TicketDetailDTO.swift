import HelpdeskDomain
import Hummingbird

/// A ticket with its newest messages and its activity log.
struct TicketDetailDTO: ResponseEncodable {
    var ticket: TicketDTO
    var messages: [MessageDTO]
    var hasOlderMessages: Bool
    var activityLogs: [ActivityDTO]

    init(_ detail: TicketDetail) {
        ticket = TicketDTO(detail.view)
        messages = detail.messages.map(MessageDTO.init)
        hasOlderMessages = detail.hasOlderMessages
        activityLogs = detail.activities.map(ActivityDTO.init)
    }
}
