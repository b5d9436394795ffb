import HelpdeskDomain

/// One line of a JSON Lines export: the ticket, and with `include=messages` its whole conversation
/// and activity log — everything needed to rebuild it elsewhere.
struct ExportRecordDTO: Encodable {
    var ticket: TicketDTO
    var messages: [MessageDTO]?
    var activity: [ActivityDTO]?

    init(_ exported: ExportedTicket, withHistory: Bool) {
        ticket = TicketDTO(TicketView(ticket: exported.ticket, unreadCount: 0, unreadByCustomer: 0))
        messages = withHistory ? exported.messages.map(MessageDTO.init) : nil
        activity = withHistory ? exported.activities.map(ActivityDTO.init) : nil
    }
}
