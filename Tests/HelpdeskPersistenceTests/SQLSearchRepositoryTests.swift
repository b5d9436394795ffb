import Foundation
import HelpdeskDomain
@testable import HelpdeskPersistence
import Testing

@Suite struct SQLSearchRepositoryTests {
    let epoch = TemporaryDatabase.epoch

    func query(_ terms: String...) -> SearchQuery {
        var query = SearchQuery()
        query.terms = terms
        return query
    }

    @Test func whatIsWrittenIsFoundAtOnceAndWhatIsRolledBackIsNot() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let tickets = TicketService(tickets: database.tickets, users: database.users, clock: FixedClock(date: epoch), settings: DeskSettings())
            let index = SQLSearchRepository(storage: database.storage)
            let ticket = try await tickets.open(NewTicket(title: "Kettle", category: "general", content: "The kettle whistles"), as: customer).ticket
            _ = try await tickets.reply(to: ticket.id, content: "Now it hums", as: customer)
            #expect(try await index.search(query("hums")).map(\.message?.content) == ["Now it hums"])
            #expect(try await index.search(query("kettl")).map(\.kind) == [.title, .message], "the last word is a prefix; titles first")

            _ = try? await database.storage.transaction { db -> Int in
                try await db.raw("INSERT INTO messages SELECT 'm-x', ticket_id, 99, 'rolled back zither', sender, sender_id, sender_name, type, attachments, created_at FROM messages LIMIT 1").run()
                throw TicketStoreError.cursorMissing
            }
            #expect(try await index.search(query("zither")).isEmpty)

            _ = try await tickets.update(ticket.id, with: TicketPatch(title: "Teapot"), as: try await database.addUser("sami", .agent))
            #expect(try await index.search(query("teapot")).map(\.kind) == [.title])
            #expect(try await index.search(query("kettle")).map(\.kind) == [.message], "the old title is out of the index")
        }
    }

    @Test func arabicIsFoldedAndTheMarksLandOnTheWordsAsWritten() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let tickets = TicketService(tickets: database.tickets, users: database.users, clock: FixedClock(date: epoch), settings: DeskSettings())
            let index = SQLSearchRepository(storage: database.storage)
            _ = try await tickets.open(NewTicket(title: "سؤال", category: "general", content: "وصلني الإِعْلانُ ومعه فاتـــورة ٢٠٢٦"), as: customer)
            for (terms, marked) in [(["اعلان"], ["الإِعْلانُ"]), (["فاتوره"], ["فاتـــورة"]), (["2026"], ["٢٠٢٦"]), (["الاعلان", "فاتورة"], ["الإِعْلانُ", "فاتـــورة"])] {
                var search = SearchQuery()
                search.terms = terms
                let hits = try await index.search(search)
                #expect(hits.count == 1, "\(terms)")
                #expect(hits.first?.snippet.filter(\.isMatch).map(\.text) == marked, "\(terms)")
                #expect(hits.first?.snippet.map(\.text).joined() == "وصلني الإِعْلانُ ومعه فاتـــورة ٢٠٢٦")
            }
        }
    }

    @Test func commonWordsListTheNewestFirstWalkingTheIndexOrTheFewFilteredRows() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let alice = try await database.addUser("alice", .customer)
            let bob = try await database.addUser("bob", .customer)
            var tickets: [Ticket] = []
            for (index, owner) in [alice, bob, bob, bob].enumerated() {
                let service = TicketService(
                    tickets: database.tickets, users: database.users, clock: FixedClock(date: epoch.addingTimeInterval(Double(index))),
                    settings: DeskSettings()
                )
                tickets.append(try await service.open(NewTicket(title: "Case \(index)", category: "general", content: "widget \(index) widget"), as: owner).ticket)
            }
            // Three matches are "many" here, and one customer's rows are "few".
            let index = SQLSearchRepository(storage: database.storage, rankedMatches: 2, narrowRows: 2)
            var everyone = query("widget")
            everyone.limit = 3
            #expect(try await index.search(everyone).map(\.message?.content) == ["widget 3 widget", "widget 2 widget", "widget 1 widget"])
            var own = query("widget")
            own.customerId = alice.id
            #expect(try await index.search(own).map(\.ticket.id) == [tickets[0].id], "a customer's few rows, searched one by one")
            var bobs = query("widget")
            bobs.customerId = bob.id
            bobs.offset = 1
            #expect(try await index.search(bobs).map(\.ticket.id) == [tickets[2].id, tickets[1].id], "many rows: down the index, filtered")
            let ranked = SQLSearchRepository(storage: database.storage)
            #expect(try await ranked.search(own).first?.snippet.filter(\.isMatch).map(\.text) == ["widget", "widget"])
        }
    }

    @Test func termsAreQuotedSoNothingIsQuerySyntax() {
        #expect(SQLSearchRepository.matchExpression(["a\"b", "NEAR", "c"]) == #""a""b" "NEAR" "c"*"#)
        #expect(SQLSearchRepository.numberPrefix("tkt2611") == "TKT2611")
        #expect(SQLSearchRepository.numberPrefix("tkt") == nil && SQLSearchRepository.numberPrefix("tktx1") == nil)
        #expect(SQLSearchRepository.fragments("a \u{2}b\u{3} c \u{2}d\u{3}") == [
            .init(text: "a ", isMatch: false), .init(text: "b", isMatch: true), .init(text: " c ", isMatch: false), .init(text: "d", isMatch: true),
        ])
    }
}
