/// Something that happened to a ticket, published once it is committed.
public enum TicketEvent: Sendable, Equatable {
    /// A new ticket with its first message.
    case created(TicketChange)
    /// New messages and/or changed fields, with the activity entries that record them.
    case changed(TicketChange, actor: User)
    /// Someone's read position moved.
    case read(ReadCursor, reader: User)
}
