import Foundation
import EngineIOServer
import HelpdeskDomain
import HelpdeskPersistence
import Logging
import SocketIOServer

/// Everything `buildApplication` needs, read from the command line and `HELPDESK_*` variables.
public struct AppConfig: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var databaseURL = DatabaseLocation.defaultURL
    public var desk = DeskSettings()
    /// bcrypt work factor (4–31); each step doubles the cost of a sign-in.
    public var bcryptCost: UInt8 = 10
    /// Requests per minute one client address may make to the API.
    public var requestsPerMinute = 600
    /// Sign-in attempts per minute per client address, and per email address.
    public var loginAttemptsPerMinute = 10
    /// Largest accepted request body.
    public var maxBodyBytes = 1 << 20
    /// Origins besides the server's own that may send state-changing requests with the session cookie.
    public var allowedOrigins: [String] = []
    /// Mark the session cookie `Secure` (serve over HTTPS).
    public var secureCookies = false
    public var logLevel: Logger.Level = .info
    /// The web UI's files (HTML, CSS, ES modules, translations); relative paths start at the working directory.
    public var publicDirectory = "Public"
    /// Engine.IO heartbeat and payload limits of the `/socket.io/` endpoint.
    public var engine = EngineIOConfiguration()
    /// Socket.IO limits; connection-state recovery keeps a dropped client's state for 2 minutes.
    public var socket: SocketIOConfiguration = {
        var configuration = SocketIOConfiguration()
        configuration.recoveryWindow = .seconds(120)
        return configuration
    }()
    /// How many times one socket may send one kind of event per 10 seconds.
    public var socketEventsPerWindow = 30
    public var webhooks = WebhookSettings()
    /// Where uploaded files are kept; by default `attachments/` beside the database file (a
    /// temporary folder for an in-memory database).
    public var attachmentsDirectory: String?
    /// The largest file that may be attached.
    public var maxAttachmentBytes = 25 << 20

    /// The attachments folder in force.
    var resolvedAttachmentsDirectory: String {
        if let attachmentsDirectory { return attachmentsDirectory }
        switch try? DatabaseLocation(url: databaseURL) {
        case .sqliteFile(let path)?:
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("attachments").path
        case .postgres?:
            return "data/attachments"
        case .sqliteMemory?, nil:
            break
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-attachments-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    /// The database URL without its password, for logs and messages.
    public var redactedDatabaseURL: String { DatabaseLocationError.redacted(databaseURL) }

    public init() {}
}
