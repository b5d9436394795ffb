import Foundation
import HelpdeskDomain
import Logging

extension AppConfig {
    /// Reads the `HELPDESK_*` variables; anything unset keeps its default.
    public init(environment: [String: String]) throws {
        self.init()
        func value(_ name: String) -> String? {
            environment["HELPDESK_" + name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw ConfigError(variable: "HELPDESK_" + name, reason: "must be a whole number in \(range)")
            }
            return number
        }
        func flag(_ name: String) throws -> Bool? {
            guard let text = value(name)?.lowercased() else { return nil }
            switch text {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigError(variable: "HELPDESK_" + name, reason: "must be true or false")
            }
        }
        if let host = value("HOST") { self.host = host }
        if let port = try integer("PORT", in: 0...65535) { self.port = port }
        if let database = value("DATABASE_URL") ?? value("DATABASE") { self.databaseURL = database }
        if let cost = try integer("BCRYPT_COST", in: 4...31) { self.bcryptCost = UInt8(cost) }
        if let limit = try integer("RATE_LIMIT", in: 1...1_000_000) { self.requestsPerMinute = limit }
        if let limit = try integer("LOGIN_RATE_LIMIT", in: 1...1_000_000) { self.loginAttemptsPerMinute = limit }
        if let bytes = try integer("MAX_BODY_BYTES", in: 1024...(64 << 20)) { self.maxBodyBytes = bytes }
        if let limit = try integer("SOCKET_RATE_LIMIT", in: 1...1_000_000) { self.socketEventsPerWindow = limit }
        if let megabytes = try integer("RECOVERY_LOG_MB", in: 1...4096) { self.socket.maxRecoveryLogBytes = megabytes << 20 }
        if let allowed = try flag("ALLOW_REGISTRATION") { self.desk.allowsRegistration = allowed }
        if let secure = try flag("SECURE_COOKIES") { self.secureCookies = secure }
        if let directory = value("PUBLIC_DIR") { self.publicDirectory = directory }
        if let directory = value("ATTACHMENTS_DIR") { self.attachmentsDirectory = directory }
        if let megabytes = try integer("MAX_ATTACHMENT_MB", in: 1...1024) { self.maxAttachmentBytes = megabytes << 20 }
        if let allowed = try flag("WEBHOOK_ALLOW_PRIVATE") { self.webhooks.allowsPrivateTargets = allowed }
        if let milliseconds = try integer("WEBHOOK_FIRST_RETRY_MS", in: 10...3_600_000) {
            self.webhooks.retry.firstDelay = Double(milliseconds) / 1000
        }
        if let hours = try integer("WEBHOOK_RETRY_HOURS", in: 0...720) { self.webhooks.retry.window = TimeInterval(hours) * 3600 }
        if let days = try integer("WEBHOOK_LOG_DAYS", in: 1...3650) { self.webhooks.logRetention = TimeInterval(days) * 24 * 3600 }
        if let seconds = try integer("WEBHOOK_TIMEOUT_SECONDS", in: 1...300) { self.webhooks.timeout = .seconds(seconds) }
        if let origins = value("ALLOWED_ORIGINS") {
            self.allowedOrigins = origins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let categories = value("CATEGORIES") {
            let list = categories.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) else {
                throw ConfigError(variable: "HELPDESK_CATEGORIES", reason: "must be a comma-separated list of names")
            }
            self.desk.categories = list
        }
        let everyResolution = try integer("SLA_HOURS", in: 1...10_000)
        for priority in TicketPriority.allCases {
            let hours = try integer("SLA_\(priority.rawValue.uppercased())_HOURS", in: 1...10_000) ?? everyResolution
            if let hours {
                var targets = self.desk.sla.targets(for: priority)
                targets.resolution = TimeInterval(hours) * 3600
                self.desk.sla.targets[priority] = targets
            }
        }
        if let level = value("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigError(variable: "HELPDESK_LOG_LEVEL", reason: "must be trace, debug, info, notice, warning, error or critical")
            }
            self.logLevel = parsed
        }
    }
}

/// A configuration value that cannot be used, and why.
public struct ConfigError: Error, CustomStringConvertible {
    public var variable: String
    public var reason: String
    public var description: String { "\(variable) \(reason)." }
}
