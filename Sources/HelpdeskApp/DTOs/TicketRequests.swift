import HelpdeskDomain

/// `POST /api/tickets` and `POST /api/user/tickets`; staff name the customer with `customerId`.
struct CreateTicketRequest: Decodable {
    var title: String
    var category: String
    var priority: String?
    var content: String
    var customerId: String?

    func newTicket() throws -> NewTicket {
        NewTicket(
            title: title, category: category,
            priority: try priority.map { try WireEnum.parse($0, field: "priority") } ?? .medium,
            content: content
        )
    }
}

/// `PATCH /api/tickets/{id}`: absent fields stay; `"assigneeId": null` removes the assignee.
struct UpdateTicketRequest: Decodable {
    var patch: TicketPatch

    private enum CodingKeys: String, CodingKey {
        case status, priority, assigneeId, category, title
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        patch = TicketPatch(
            status: try container.decodeIfPresent(String.self, forKey: .status).map { try WireEnum.parse($0, field: "status") },
            priority: try container.decodeIfPresent(String.self, forKey: .priority).map { try WireEnum.parse($0, field: "priority") },
            category: try container.decodeIfPresent(String.self, forKey: .category),
            title: try container.decodeIfPresent(String.self, forKey: .title)
        )
        if container.contains(.assigneeId) {
            patch.assignee = try container.decodeIfPresent(String.self, forKey: .assigneeId).map { .assign($0) } ?? .unassign
        }
        guard !patch.fields.isEmpty else {
            throw HelpdeskError.invalidField("body", "name at least one of status, priority, assigneeId, category, title")
        }
    }
}

/// `POST /api/tickets/{id}/messages`.
struct ReplyRequest: Decodable {
    var content: String
    /// Ids of files the caller uploaded to the ticket; with them `content` may be empty.
    var attachments: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        attachments = try container.decodeIfPresent([String].self, forKey: .attachments) ?? []
        content = try container.decodeIfPresent(String.self, forKey: .content) ?? (attachments.isEmpty ? nil : "")
            ?? { throw DecodingError.keyNotFound(CodingKeys.content, .init(codingPath: [], debugDescription: "content is required")) }()
    }

    private enum CodingKeys: String, CodingKey {
        case content
        case attachments
    }
}

/// `PUT /api/tickets/{id}/rating`: 1–5 and an optional comment.
struct RateTicketRequest: Decodable {
    var score: Int
    var comment: String?
}

/// `POST /api/tickets/{id}/read`; without `seq`, everything so far is read.
struct ReadRequest: Decodable {
    var seq: Int?
}
