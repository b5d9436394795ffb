import Foundation
@testable import HelpdeskDomain
import Testing

@Suite struct SearchServiceTests {
    /// Records the query it is asked, and finds nothing.
    actor RecordingIndex: SearchRepository {
        var asked: [SearchQuery] = []
        func search(_ query: SearchQuery) -> [SearchHit] {
            asked.append(query)
            return []
        }
    }

    @Test func wordsAreSplitAtAnythingButLettersDigitsAndMarks() throws {
        #expect(try SearchService.terms("  printer, jam!  ") == ["printer", "jam"])
        #expect(try SearchService.terms("\"NEAR(a b)\" col:x*") == ["NEAR", "a", "b", "col", "x"])
        #expect(try SearchService.terms("الإِعْلانُ ٢٠٢٦") == ["الإِعْلانُ", "٢٠٢٦"])
        #expect(try SearchService.terms(Array(repeating: "w", count: 12).joined(separator: " ")).count == 10)
        #expect(throws: HelpdeskError.invalidField("q", "must contain a letter or a digit")) { try SearchService.terms("?! ...") }
        #expect(throws: HelpdeskError.invalidField("q", "must not be empty")) { try SearchService.terms("   ") }
    }

    @Test func aCustomerSearchesOnlyTheirOwnTickets() async throws {
        let index = RecordingIndex()
        let service = SearchService(index: index)
        var filters = SearchQuery()
        filters.assignee = .unassigned
        _ = try await service.search("printer", filters: filters, as: Fixtures.customerA)
        _ = try await service.search("printer", filters: filters, as: Fixtures.agent)
        let asked = await index.asked
        #expect(asked.map(\.customerId) == ["alice", nil])
        #expect(asked.map(\.assignee) == [.anyone, .unassigned])
    }
}
