import HelpdeskDomain
import Testing

@Suite struct TicketStatusTests {
    /// The whole transition table: every ordered pair of distinct statuses.
    static let allowed: Set<String> = [
        "open→pending", "open→resolved", "open→closed",
        "pending→open", "pending→resolved", "pending→closed",
        "resolved→closed", "resolved→open",
        "closed→open",
    ]

    static var pairs: [(TicketStatus, TicketStatus)] {
        TicketStatus.allCases.flatMap { from in TicketStatus.allCases.map { (from, $0) } }
    }

    @Test(arguments: pairs)
    func transition(from: TicketStatus, to: TicketStatus) {
        let expected = Self.allowed.contains("\(from.rawValue)→\(to.rawValue)")
        #expect(from.canTransition(to: to) == expected)
    }

    @Test func forbiddenTransitionsAreExactlyTheRest() {
        let forbidden = Self.pairs.filter { $0 != $1 && !$0.canTransition(to: $1) }
            .map { "\($0.rawValue)→\($1.rawValue)" }
        #expect(Set(forbidden) == ["resolved→pending", "closed→pending", "closed→resolved"])
    }

    @Test(arguments: TicketStatus.allCases)
    func stayingPutIsNotATransition(status: TicketStatus) {
        #expect(!status.canTransition(to: status))
    }
}
