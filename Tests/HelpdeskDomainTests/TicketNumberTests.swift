import Foundation
import HelpdeskDomain
import Testing

@Suite struct TicketNumberTests {
    @Test func periodIsTwoDigitYearAndMonthInUTC() throws {
        let lateOnNewYearsEve = try Date("2025-12-31T23:30:00-05:00", strategy: .iso8601)
        #expect(TicketNumber.period(of: lateOnNewYearsEve) == "2601")
        #expect(TicketNumber.period(of: try Date("2024-01-15T10:00:00Z", strategy: .iso8601)) == "2401")
    }

    @Test func sequenceHasAtLeastFourDigits() {
        #expect(TicketNumber.make(period: "2401", sequence: 7) == "TKT24010007")
        #expect(TicketNumber.make(period: "2401", sequence: 1234) == "TKT24011234")
        #expect(TicketNumber.make(period: "2401", sequence: 123_456) == "TKT2401123456")
    }

    @Test func recognisesNumbersButNotIds() {
        #expect(TicketNumber.looksLikeNumber("TKT24011234"))
        #expect(TicketNumber.looksLikeNumber("TKT2401123456"))
        #expect(!TicketNumber.looksLikeNumber("TKT2401"))
        #expect(!TicketNumber.looksLikeNumber("5f0c1c7e-8d5e-4f7e-9a53-0a0b8f1d2c3e"))
        #expect(!TicketNumber.looksLikeNumber("TKT2401abcd"))
    }
}
