import Foundation

/// How long the desk has, in clock time, for the first agent reply, for each later reply a customer
/// waits for, and to resolve the ticket.
public struct SlaTargets: Sendable, Equatable {
    public var firstResponse: TimeInterval
    public var nextResponse: TimeInterval
    public var resolution: TimeInterval

    public init(firstResponse: TimeInterval, nextResponse: TimeInterval, resolution: TimeInterval) {
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
    }
}
