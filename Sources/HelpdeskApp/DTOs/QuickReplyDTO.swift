import Foundation
import HelpdeskDomain
import Hummingbird

/// A quick reply on the wire; `expanded` is its text filled in for the ticket asked about.
struct QuickReplyDTO: ResponseEncodable {
    var id: String
    var shortcut: String
    var text: String
    var shared: Bool
    var expanded: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ reply: QuickReply, expanded: String? = nil) {
        id = reply.id
        shortcut = reply.shortcut
        text = reply.text
        shared = reply.isShared
        self.expanded = expanded
        createdAt = reply.createdAt
        updatedAt = reply.updatedAt
    }
}

/// `GET /api/quick-replies`: the shared replies and the caller's, and the placeholders texts may use.
struct QuickReplyListDTO: ResponseEncodable {
    var quickReplies: [QuickReplyDTO]
    var placeholders: [String]
}

/// `POST /api/quick-replies` and `PATCH /api/quick-replies/{id}`.
struct QuickReplyRequest: Decodable {
    var shortcut: String?
    var text: String?
    var shared: Bool?

    var draft: QuickReplyDraft { QuickReplyDraft(shortcut: shortcut, text: text, shared: shared) }
}
