import Foundation
import HelpdeskDomain

/// A `messages` row; attachments are stored as a JSON array.
struct MessageRow: Decodable {
    var id: String
    var ticketId: String
    var seq: Int
    var content: String
    var sender: String
    var senderId: String?
    var senderName: String
    var type: String
    var attachments: String
    var createdAt: Int64

    func message() throws -> Message {
        guard let attachments = try? JSONDecoder().decode([Attachment].self, from: Data(attachments.utf8)) else {
            throw TicketStoreError.undecodableAttachments(messageId: id)
        }
        return Message(
            id: id, ticketId: ticketId, seq: seq, content: content,
            sender: Message.Sender(rawValue: sender) ?? .system, senderId: senderId, senderName: senderName,
            type: Message.Kind(rawValue: type) ?? .text, attachments: attachments,
            createdAt: Date(epochMilliseconds: createdAt)
        )
    }
}
