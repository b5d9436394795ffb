/// A user who just signed in, with the session token to present from now on.
public struct SignedIn: Sendable, Equatable {
    public var user: User
    public var token: String

    public init(user: User, token: String) {
        self.user = user
        self.token = token
    }
}
