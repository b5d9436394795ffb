import HelpdeskDomain
import Hummingbird

/// `POST /api/users`; without a password one is generated and returned once.
struct CreateUserRequest: Decodable {
    var email: String
    var name: String
    var role: String
    var password: String?
}

/// `PATCH /api/users/{id}`.
struct UpdateUserRequest: Decodable {
    var name: String?
    var role: String?
    var disabled: Bool?

    func patch() throws -> UserPatch {
        let patch = UserPatch(name: name, role: try role.map { try WireEnum.parse($0, field: "role") }, isDisabled: disabled)
        guard patch != UserPatch() else { throw HelpdeskError.invalidField("body", "name at least one of name, role, disabled") }
        return patch
    }
}

/// A new user, with the generated password when one was made.
struct CreatedUserDTO: ResponseEncodable {
    var user: UserDTO
    var generatedPassword: String?
}

/// A list of users.
struct UserListDTO: ResponseEncodable {
    var users: [UserDTO]
}
