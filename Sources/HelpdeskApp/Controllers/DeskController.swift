import HelpdeskDomain
import Hummingbird

/// `GET /api/desk`: the settings a sign-in page and a ticket form need (no sign-in required).
struct DeskController {
    let settings: DeskSettings

    func addRoutes(to router: Router<HelpdeskRequestContext>) {
        router.get("api/desk") { _, _ in DeskDTO(settings) }
    }
}
