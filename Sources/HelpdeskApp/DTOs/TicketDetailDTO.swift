import HelpdeskDomain
import Hummingbird

/// A ticket with its newest messages, its activity log and how far each reader has read.
struct TicketDetailDTO: ResponseEncodable {
    var ticket: TicketDTO
    var messages: [MessageDTO]
    var hasOlderMessages: Bool
    var activityLogs: [ActivityDTO]
    var readCursors: [ReadCursorDTO]

    init(_ detail: TicketDetail) {
        ticket = TicketDTO(detail.view)
        messages = detail.messages.map(MessageDTO.init)
        hasOlderMessages = detail.hasOlderMessages
        activityLogs = detail.activities.map(ActivityDTO.init)
        readCursors = detail.readCursors.map(ReadCursorDTO.init)
    }
}
