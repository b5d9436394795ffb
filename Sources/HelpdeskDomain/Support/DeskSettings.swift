import Foundation

/// The configurable rules of one desk: categories, SLA, limits and sign-up.
public struct DeskSettings: Sendable {
    public var categories: [String]
    public var sla: SlaPolicy
    public var allowsRegistration: Bool
    public var sessionLifetime: TimeInterval
    public var maxTitleLength: Int
    public var maxMessageLength: Int

    public static let defaultCategories = ["general", "technical", "billing", "account", "other"]

    public init(
        categories: [String] = DeskSettings.defaultCategories,
        sla: SlaPolicy = SlaPolicy(),
        allowsRegistration: Bool = true,
        sessionLifetime: TimeInterval = 30 * 24 * 3600,
        maxTitleLength: Int = 200,
        maxMessageLength: Int = 10_000
    ) {
        self.categories = categories
        self.sla = sla
        self.allowsRegistration = allowsRegistration
        self.sessionLifetime = sessionLifetime
        self.maxTitleLength = maxTitleLength
        self.maxMessageLength = maxMessageLength
    }
}
