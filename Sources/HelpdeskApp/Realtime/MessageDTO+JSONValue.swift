import SocketIOServer

extension MessageDTO {
    /// The message as a Socket.IO argument, built field by field: this runs for every chat message,
    /// and must equal `JSONValue(encoding:)` of the same DTO (a test holds them together).
    var jsonValue: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "ticketId": .string(ticketId), "seq": .integer(Int64(seq)), "content": .string(content),
            "sender": .string(sender.rawValue), "senderName": .string(senderName), "type": .string(type.rawValue),
            "attachments": .array(attachments.map {
                ["name": .string($0.name), "size": .integer(Int64($0.size)), "mimeType": .string($0.mimeType), "url": .string($0.url)]
            }),
            "createdAt": .string(WireTimestamp.string(createdAt)),
        ]
        if let senderId { object["senderId"] = .string(senderId) }
        return .object(object)
    }
}
