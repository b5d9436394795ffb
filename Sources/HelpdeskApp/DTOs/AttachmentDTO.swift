import Foundation
import HelpdeskDomain
import Hummingbird

/// An uploaded file: send its `id` in a message's `attachments`.
struct AttachmentDTO: ResponseEncodable {
    var id: String
    var name: String
    var size: Int
    var mimeType: String
    var url: String
    var createdAt: Date

    init(_ attachment: StoredAttachment) {
        id = attachment.id
        name = attachment.name
        size = attachment.size
        mimeType = attachment.mimeType
        url = attachment.url
        createdAt = attachment.createdAt
    }
}
