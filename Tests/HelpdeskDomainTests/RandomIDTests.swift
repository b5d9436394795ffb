import Foundation
import HelpdeskDomain
import Testing

@Suite struct RandomIDTests {
    @Test func idsAreDistinctLowercaseVersion4UUIDs() throws {
        let ids = (0..<10_000).map { _ in RandomID.make() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(500) {
            #expect(id == id.lowercased())
            let uuid = try #require(UUID(uuidString: id)).uuid
            #expect(uuid.6 >> 4 == 4, "version 4: \(id)")
            #expect(uuid.8 >> 6 == 0b10, "RFC 4122 variant: \(id)")
        }
    }
}
