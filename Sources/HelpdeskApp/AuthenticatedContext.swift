import Foundation
import HelpdeskDomain
import Hummingbird

/// The context of routes that need a signed-in user; it cannot exist without one.
struct AuthenticatedContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let user: User
    let sessionToken: String?
    let clientAddress: String

    init(context: HelpdeskRequestContext) throws {
        guard let user = context.identity else { throw HelpdeskError.unauthenticated }
        self.coreContext = context.coreContext
        self.user = user
        self.sessionToken = context.sessionToken
        self.clientAddress = context.clientAddress
    }

    var responseEncoder: JSONEncoder { WireJSON.encoder() }
}
