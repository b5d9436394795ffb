import Foundation

/// One entry in a ticket's conversation.
public struct Message: Codable, Sendable, Equatable {
    /// Who wrote a message: the customer, an agent (or admin), or the system itself.
    public enum Sender: String, Codable, Sendable, CaseIterable {
        case customer
        case agent
        case system
    }

    /// What a message carries.
    public enum Kind: String, Codable, Sendable {
        case text
        case system
        case attachment
    }

    public var id: String
    public var ticketId: String
    /// Position in the ticket's conversation, assigned by the repository when the message is stored.
    public var seq: Int
    public var content: String
    public var sender: Sender
    public var senderId: String?
    public var senderName: String
    public var type: Kind
    public var attachments: [Attachment]
    public var createdAt: Date

    public init(
        id: String, ticketId: String, seq: Int = 0, content: String, sender: Sender,
        senderId: String?, senderName: String, type: Kind, attachments: [Attachment] = [], createdAt: Date
    ) {
        self.id = id
        self.ticketId = ticketId
        self.seq = seq
        self.content = content
        self.sender = sender
        self.senderId = senderId
        self.senderName = senderName
        self.type = type
        self.attachments = attachments
        self.createdAt = createdAt
    }
}
