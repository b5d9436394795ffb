import Foundation
import HelpdeskDomain
import Testing

@Suite struct RandomIDTests {
    @Test func idsAreDistinctLowercaseVersion7UUIDs() throws {
        let ids = (0..<10_000).map { _ in RandomID.make() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(500) {
            #expect(id == id.lowercased())
            let uuid = try #require(UUID(uuidString: id)).uuid
            #expect(uuid.6 >> 4 == 7, "version 7: \(id)")
            #expect(uuid.8 >> 6 == 0b10, "RFC 9562 variant: \(id)")
        }
    }

    @Test func laterIdsSortAfterEarlierOnes() throws {
        // Half a millisecond into each millisecond, so that binary fractions cannot tip one into the previous.
        let ids = (0..<1000).map { RandomID.make(at: Date(timeIntervalSince1970: (1_700_000_000_000 + Double($0) + 0.5) / 1000)) }
        let isSorted = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }
        #expect(isSorted)
        #expect(ids[0].hasPrefix("018bcfe5-6800-7"))
    }

    @Test func theMillisecondAndItsFractionComeFirst() throws {
        // 1,700,000,000,000.752 ms: 0x018bcfe56800 milliseconds, and 0.752 of one is 0xc08 of 4,096.
        let id = RandomID.make(at: Date(timeIntervalSince1970: 1_700_000_000.000752))
        #expect(id.hasPrefix("018bcfe5-6800-7c08-"))
        #expect(id.count == 36)
        let uuid = try #require(UUID(uuidString: id))
        #expect(uuid.uuidString.lowercased() == id)
    }
}
