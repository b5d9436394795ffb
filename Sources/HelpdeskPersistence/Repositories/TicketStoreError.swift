/// Failures of the ticket store that are bugs or corruption rather than user errors.
enum TicketStoreError: Error {
    case counterUnavailable
    case cursorMissing
    case undecodableAttachments(messageId: String)
    /// A stored enumeration value this version does not know.
    case unknownValue(String)
}
