import Foundation
import HelpdeskDomain
import Hummingbird

/// A user on the wire (never the password hash).
struct UserDTO: ResponseEncodable {
    var id: String
    var email: String
    var name: String
    var role: Role
    var avatarUrl: String?
    var disabled: Bool
    var createdAt: Date

    init(_ user: User) {
        id = user.id
        email = user.email
        name = user.name
        role = user.role
        avatarUrl = user.avatarURL
        disabled = user.isDisabled
        createdAt = user.createdAt
    }
}
