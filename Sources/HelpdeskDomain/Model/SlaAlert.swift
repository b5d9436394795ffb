import Foundation

/// A warning (at 80 % of a target) or a breach (at 100 %) of one SLA clock's deadline.
public struct SlaAlert: Sendable, Equatable, Hashable, Codable {
    public enum Target: String, Sendable, Codable, CaseIterable {
        case firstResponse
        case nextResponse
        case resolution
    }

    public enum Kind: String, Sendable, Codable {
        case warning
        case breach
    }

    public var target: Target
    public var kind: Kind
    /// The deadline it is about; a deadline that moves makes new alerts.
    public var dueAt: Date

    public init(target: Target, kind: Kind, dueAt: Date) {
        self.target = target
        self.kind = kind
        self.dueAt = dueAt
    }
}
