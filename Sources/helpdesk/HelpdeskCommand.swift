import ArgumentParser
import Foundation
import HelpdeskApp
import HelpdeskDomain
import Logging

/// The `helpdesk` command line: serve, migrate and manage users.
@main
struct HelpdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk",
        abstract: "A self-hosted customer-support desk with live chat.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self],
        defaultSubcommand: Serve.self
    )
}

/// Options every subcommand that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "sqlite:PATH (default sqlite:./data/helpdesk.sqlite; env HELPDESK_DATABASE)")
    var database: String?

    func config() throws -> AppConfig {
        var config = try AppConfig(environment: ProcessInfo.processInfo.environment)
        if let database { config.databaseURL = database }
        return config
    }
}

/// Writes a line to standard output at once, so it is seen in order with the server's own lines.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func makeLogger(_ config: AppConfig) -> Logger {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    var logger = Logger(label: "helpdesk")
    logger.logLevel = config.logLevel
    return logger
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server.")

    @Option(help: "Address to listen on (env HELPDESK_HOST, default 127.0.0.1).")
    var host: String?
    @Option(help: "Port to listen on; 0 picks a free one (env HELPDESK_PORT, default 8080).")
    var port: Int?
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Create demo accounts and tickets, and print how to sign in.")
    var demo = false

    func run() async throws {
        ServerThreads.configure(environment: ProcessInfo.processInfo.environment)
        var config = try database.config()
        if let host { config.host = host }
        if let port { config.port = port }
        let logger = makeLogger(config)
        if demo {
            let helpdesk = try await Helpdesk.open(config, logger: logger)
            let accounts = try await DemoData.seed(helpdesk)
            try await helpdesk.storage.close()
            say("Demo accounts (for trying the desk only):")
            for account in accounts {
                say("  \(account.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(account.email)  password: \(account.password)")
            }
        }
        try await buildApplication(config, logger: logger).runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let config = try database.config()
        let helpdesk = try await Helpdesk.open(config, logger: makeLogger(config))
        try await helpdesk.storage.close()
        say("Database \(config.redactedDatabaseURL) is up to date.")
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.", subcommands: [AddUser.self]
    )
}

struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a user account.")

    @OptionGroup var database: DatabaseOptions
    @Option var email: String
    @Option var name: String
    @Option(help: "customer, agent or admin")
    var role: Role
    @Option(help: "Without it a password is generated and printed once.")
    var password: String?

    func run() async throws {
        let config = try database.config()
        let helpdesk = try await Helpdesk.open(config, logger: makeLogger(config))
        let generated = password == nil ? RandomSecret.generate(length: AccountService.generatedPasswordLength) : nil
        do {
            let user = try await helpdesk.accounts.provision(email: email, name: name, role: role, password: password ?? generated!)
            try await helpdesk.storage.close()
            say("Created \(user.role.rawValue) \(user.email) (id \(user.id)).")
            if let generated { say("Password: \(generated)") }
        } catch let error as HelpdeskError {
            try await helpdesk.storage.close()
            throw ValidationError(error.message)
        }
    }
}

extension Role: ExpressibleByArgument {}
