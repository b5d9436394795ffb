import AsyncKit
import HelpdeskDomain
import NIOCore
import NIOPosix
import PostgresNIO

/// Tells the errors of a database that cannot be reached (down, restarting, or the connection lost)
/// from those of a statement, so that requests fail fast with `HelpdeskError.unavailable`.
enum PostgresUnavailability {
    static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                return true
            case .server:
                // 08: connection exceptions; 57P: the server is shutting down or starting up.
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57P")
            default:
                return false
            }
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is NIOConnectionError, is ChannelError, is IOError:
            return true
        default:
            return false
        }
    }

    /// `error`, or `HelpdeskError.unavailable` when it says the database cannot be reached.
    static func mapped(_ error: any Error) -> any Error {
        isUnavailable(error) ? HelpdeskError.unavailable : error
    }
}
