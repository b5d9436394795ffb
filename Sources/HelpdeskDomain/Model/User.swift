import Foundation

/// A person who can sign in: a customer, an agent or an admin.
public struct User: Codable, Sendable, Hashable {
    /// The desk itself, as the actor of changes nobody made by hand (SLA alerts). It cannot sign in.
    public static let desk = User(
        id: "desk", email: "desk@helpdesk.invalid", name: "Helpdesk", role: .agent,
        isDisabled: true, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0)
    )

    public var id: String
    public var email: String
    public var name: String
    public var role: Role
    public var avatarURL: String?
    public var isDisabled: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, email: String, name: String, role: Role, avatarURL: String? = nil,
        isDisabled: Bool = false, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.avatarURL = avatarURL
        self.isDisabled = isDisabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
