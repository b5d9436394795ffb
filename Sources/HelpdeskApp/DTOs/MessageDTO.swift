import Foundation
import HelpdeskDomain
import Hummingbird

/// A message on the wire.
struct MessageDTO: ResponseEncodable {
    var id: String
    var ticketId: String
    var seq: Int
    var content: String
    var sender: Message.Sender
    var senderId: String?
    var senderName: String
    var type: Message.Kind
    var attachments: [Attachment]
    var createdAt: Date

    init(_ message: Message) {
        id = message.id
        ticketId = message.ticketId
        seq = message.seq
        content = message.content
        sender = message.sender
        senderId = message.senderId
        senderName = message.senderName
        type = message.type
        attachments = message.attachments
        createdAt = message.createdAt
    }
}
