import HelpdeskDomain
import Hummingbird

/// `/api/sla-policies`: staff read the desk's SLA targets and business hours; admins replace them.
struct SlaPolicyController {
    let policies: SlaPolicyService
    let maxBodyBytes: Int

    func addRoutes(to group: RouterGroup<AuthenticatedContext>) {
        group.get { _, context in
            SlaPolicyDTO(try policies.policy(as: context.user))
        }
        group.put { request, context in
            let body = try await request.decodeJSON(SlaPolicyDTO.self, limit: maxBodyBytes)
            return SlaPolicyDTO(try await policies.update(try body.policy(), as: context.user))
        }
    }
}
