import Foundation
import HelpdeskDomain
import SQLKit

/// A `messages` row; attachments are stored as a JSON array.
struct MessageRow {
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

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        ticketId = try row.decode(column: "ticket_id", as: String.self)
        seq = try row.decode(column: "seq", as: Int.self)
        content = try row.decode(column: "content", as: String.self)
        sender = try row.decode(column: "sender", as: String.self)
        senderId = try row.decode(column: "sender_id", as: String?.self)
        senderName = try row.decode(column: "sender_name", as: String.self)
        type = try row.decode(column: "type", as: String.self)
        attachments = try row.decode(column: "attachments", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
    }

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
