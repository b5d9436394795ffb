import Foundation

/// Everything the domain can refuse, with a stable machine-readable code.
public enum HelpdeskError: Error, Equatable, Sendable {
    /// A field is missing or has a value that is not allowed.
    case invalidField(String, String)
    case unauthenticated
    case accountDisabled
    case forbidden(String)
    case notFound(String)
    case conflict(String)
    case invalidTransition(from: TicketStatus, to: TicketStatus)
    case rateLimited(retryAfterSeconds: Int)
    /// The database cannot be reached for now; nothing was changed.
    case unavailable

    public var code: String {
        switch self {
        case .invalidField: "VALIDATION_FAILED"
        case .unauthenticated: "UNAUTHORIZED"
        case .accountDisabled: "ACCOUNT_DISABLED"
        case .forbidden: "FORBIDDEN"
        case .notFound: "NOT_FOUND"
        case .conflict: "CONFLICT"
        case .invalidTransition: "INVALID_TRANSITION"
        case .rateLimited: "RATE_LIMITED"
        case .unavailable: "UNAVAILABLE"
        }
    }

    public var message: String {
        switch self {
        case .invalidField(let field, let reason): "\(field): \(reason)"
        case .unauthenticated: "Sign in first."
        case .accountDisabled: "This account is disabled."
        case .forbidden(let reason): reason
        case .notFound(let what): "\(what) not found."
        case .conflict(let reason): reason
        case .invalidTransition(let from, let to): "A ticket cannot move from \(from.rawValue) to \(to.rawValue)."
        case .rateLimited(let seconds): "Too many requests; try again in \(seconds) s."
        case .unavailable: "The desk cannot reach its database just now; try again in a moment."
        }
    }
}
