/// What a user wants to be told: the kinds they muted, and whether their browser may show
/// notifications while the desk's tab is hidden.
public struct NotificationPreferences: Sendable, Equatable {
    public var muted: Set<UserNotification.Kind>
    public var browser: Bool

    public init(muted: Set<UserNotification.Kind> = [], browser: Bool = false) {
        self.muted = muted
        self.browser = browser
    }
}
