/// What an admin may change about a user; nil leaves a field alone.
public struct UserPatch: Sendable, Equatable {
    public var name: String?
    public var role: Role?
    public var isDisabled: Bool?

    public init(name: String? = nil, role: Role? = nil, isDisabled: Bool? = nil) {
        self.name = name
        self.role = role
        self.isDisabled = isDisabled
    }
}
