import Foundation
import HelpdeskPersistence
import Logging
import SQLKit

/// Fills a new database with customers, tickets and messages whose words follow a Zipf law over
/// an English and Arabic vocabulary, written through the same schema and triggers as the server
/// (so the full-text index is the one the server searches). Prints what it wrote as JSON.
///
///     search-seed PATH|DATABASE-URL MESSAGES
@main
struct SearchSeed {
    static let customers = 2_000
    static let messagesPerTicket = 20
    static let batch = 20_000

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let total = Int(arguments[2]), total > 0 else {
            FileHandle.standardError.write(Data("usage: search-seed PATH|DATABASE-URL MESSAGES\n".utf8))
            exit(2)
        }
        let storage: any SQLStorage = switch try DatabaseLocation(url: arguments[1].contains(":") ? arguments[1] : "sqlite:" + arguments[1]) {
        case .postgres(let url): try await PostgresStorage.open(url: url, logger: Logger(label: "seed"))
        case let location: try await SQLiteStorage.open(location, logger: Logger(label: "seed"))
        }
        try await Migrator(storage: storage, logger: Logger(label: "seed")).migrate()
        var words = Vocabulary(seed: 42)
        let start = Date()
        let epoch: Int64 = 1_700_000_000_000
        try await storage.transaction { db in
            for index in 0..<customers {
                try await db.raw("""
                    INSERT INTO users (id, email, name, role, password_hash, is_disabled, created_at, updated_at)
                    VALUES (\(bind: "c\(index)"), \(bind: "c\(index)@seed.test"), \(bind: "Customer \(index)"), 'customer', 'x', 0, \(bind: epoch), \(bind: epoch))
                    """).run()
            }
        }
        let tickets = (total + messagesPerTicket - 1) / messagesPerTicket
        var written = 0
        while written < total {
            let range = written..<min(total, written + batch)
            let titles = range.map { $0 % messagesPerTicket == 0 ? words.sentence(4...9) : "" }
            let contents = range.map { _ in words.sentence(5...30) }
            try await storage.transaction { db in
                for (offset, message) in range.enumerated() {
                    let ticket = message / messagesPerTicket
                    let seq = message % messagesPerTicket + 1
                    let time = epoch + Int64(message) * 60_000
                    if seq == 1 {
                        let customer = ticket % customers
                        try await db.raw("""
                            INSERT INTO tickets (id, ticket_number, title, category, customer_id, customer_name, customer_email, status,
                                priority, priority_rank, last_seq, sla_deadline, created_at, updated_at, sla_alerts)
                            VALUES (\(bind: "t\(ticket)"), \(bind: String(format: "TKT%08d", ticket)), \(bind: titles[offset]), 'general',
                                \(bind: "c\(customer)"), \(bind: "Customer \(customer)"), \(bind: "c\(customer)@seed.test"),
                                \(bind: ["open", "pending", "resolved", "closed"][ticket % 4]), 'medium', 2, \(bind: messagesPerTicket),
                                \(bind: time + 86_400_000), \(bind: time), \(bind: time), '')
                            """).run()
                    }
                    let sender = seq % 2 == 1 ? "customer" : "agent"
                    try await db.raw("""
                        INSERT INTO messages (id, ticket_id, seq, content, sender, sender_id, sender_name, type, attachments, created_at)
                        VALUES (\(bind: "m\(message)"), \(bind: "t\(ticket)"), \(bind: seq), \(bind: contents[offset]), \(bind: sender),
                            NULL, \(bind: sender == "customer" ? "Customer" : "Agent"), 'text', '[]', \(bind: time))
                        """).run()
                }
            }
            written = range.upperBound
            FileHandle.standardError.write(Data("\(written) messages\n".utf8))
        }
        try await storage.close()
        let report: [String: Any] = [
            "messages": total, "tickets": tickets, "customers": customers,
            "seconds": (Date().timeIntervalSince(start) * 10).rounded() / 10,
            "words": [
                "common": Vocabulary.common.map(words.word(rank:)), "middle": Vocabulary.middle.map(words.word(rank:)),
                "rare": Vocabulary.rare.map(words.word(rank:)),
            ],
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}
