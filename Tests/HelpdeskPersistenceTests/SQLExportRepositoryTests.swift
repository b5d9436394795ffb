import Foundation
@testable import HelpdeskDomain
import HelpdeskPersistence
import Testing

@Suite struct SQLExportRepositoryTests {
    @Test func pagesWalkEveryTicketOnceOldestFirstEvenWhenTimesTie() async throws {
        try await TemporaryDatabase.withDatabase { database in
            let customer = try await database.addUser("alice", .customer)
            let agent = try await database.addUser("sami", .agent)
            var opened: [String] = []
            for index in 0..<7 {
                // Pairs opened in the same millisecond: the id breaks the tie.
                let clock = FixedClock(date: TemporaryDatabase.epoch.addingTimeInterval(Double(index / 2)))
                let tickets = TicketService(tickets: database.tickets, users: database.users, clock: clock, settings: DeskSettings())
                let ticket = try await tickets.open(NewTicket(title: "T\(index)", category: "general", content: "hello \(index)"), as: customer).ticket
                if index == 3 { _ = try await tickets.reply(to: ticket.id, content: "answer", as: agent) }
                opened.append(ticket.id)
            }
            let repository = SQLExportRepository(storage: database.storage)
            var query = ExportQuery()
            query.includesHistory = true
            var seen: [ExportedTicket] = []
            for try await page in ExportPages(repository: repository, query: query, pageSize: 2) {
                #expect(page.count <= 2)
                seen += page
            }
            #expect(seen.map(\.ticket.id) == opened.sorted { lhs, rhs in
                let (left, right) = (opened.firstIndex(of: lhs)! / 2, opened.firstIndex(of: rhs)! / 2)
                return left == right ? lhs < rhs : left < right
            })
            let third = try #require(seen.first { $0.ticket.id == opened[3] })
            #expect(third.messages.map(\.content) == ["hello 3", "answer"] && third.activities.map(\.kind) == [.created])

            query.includesHistory = false
            for (statuses, count) in [([TicketStatus.open], 7), ([.pending, .resolved], 0)] {
                query.statuses = statuses
                var found: [ExportedTicket] = []
                for try await page in ExportPages(repository: repository, query: query, pageSize: 3) { found += page }
                #expect(found.count == count && found.allSatisfy { $0.messages.isEmpty }, "\(statuses)")
            }
        }
    }
}
