import HelpdeskDomain
import Hummingbird

/// `POST /api/auth/login`.
struct LoginRequest: Decodable {
    var email: String
    var password: String
}

/// `POST /api/auth/register`.
struct RegisterRequest: Decodable {
    var email: String
    var name: String
    var password: String
}

/// A signed-in user and the token to send as `Authorization: Bearer`.
struct SessionDTO: ResponseEncodable {
    var user: UserDTO
    var token: String
}

/// `GET /api/auth/me`.
struct MeDTO: ResponseEncodable {
    var user: UserDTO
}
