import HelpdeskDomain
import Hummingbird

/// `/api/users` (admins manage accounts), `/api/agents` (staff pick an assignee) and `/api/customers`
/// (staff open a ticket for someone).
struct UserController {
    let accounts: AccountService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get("users", use: list)
        group.post("users", use: create)
        group.patch("users/:id", use: update)
        group.get("agents") { _, context in
            UserListDTO(users: try await accounts.listAssignableUsers(as: context.user).map(UserDTO.init))
        }
        group.get("customers") { _, context in
            UserListDTO(users: try await accounts.listCustomers(as: context.user).map(UserDTO.init))
        }
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> UserListDTO {
        let role: Role? = try QueryParameters(request).get("role").map { try WireEnum.parse($0, field: "role") }
        return UserListDTO(users: try await accounts.listUsers(role: role, as: context.user).map(UserDTO.init))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> EditedResponse<CreatedUserDTO> {
        guard Permissions.canManageUsers(as: context.user) else { throw HelpdeskError.forbidden("Only admins manage users.") }
        let body = try await request.decodeJSON(CreateUserRequest.self, limit: maxBodyBytes)
        let created = try await accounts.createUser(
            email: body.email, name: body.name, role: try WireEnum.parse(body.role, field: "role"),
            password: body.password, as: context.user
        )
        return EditedResponse(
            status: .created,
            response: CreatedUserDTO(user: UserDTO(created.user), generatedPassword: created.generatedPassword)
        )
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> UserDTO {
        guard Permissions.canManageUsers(as: context.user) else { throw HelpdeskError.forbidden("Only admins manage users.") }
        let body = try await request.decodeJSON(UpdateUserRequest.self, limit: maxBodyBytes)
        return UserDTO(try await accounts.updateUser(id: try context.parameters.require("id"), with: try body.patch(), as: context.user))
    }
}
