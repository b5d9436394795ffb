import HelpdeskDomain
import Testing

@Suite struct NetworkAddressTests {
    func v4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> NetworkAddress { NetworkAddress(bytes: [a, b, c, d])! }

    func v6(_ groups: [UInt16]) -> NetworkAddress {
        NetworkAddress(bytes: groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })!
    }

    @Test func privateLoopbackAndSpecialIPv4RangesAreNotPublic() {
        for address in [v4(127, 0, 0, 1), v4(10, 9, 8, 7), v4(172, 16, 0, 1), v4(172, 31, 255, 255), v4(192, 168, 1, 1),
                        v4(169, 254, 169, 254), v4(100, 64, 0, 1), v4(0, 0, 0, 0), v4(224, 0, 0, 1), v4(255, 255, 255, 255),
                        v4(198, 18, 0, 1), v4(192, 0, 2, 10)] {
            #expect(!address.isPublic, "\(address.bytes)")
        }
        for address in [v4(8, 8, 8, 8), v4(172, 32, 0, 1), v4(100, 128, 0, 1), v4(93, 184, 216, 34), v4(192, 169, 0, 1)] {
            #expect(address.isPublic, "\(address.bytes)")
        }
    }

    @Test func ipv6SpecialRangesAndEmbeddedIPv4AreJudgedByWhatTheyReach() {
        for address in [v6([0, 0, 0, 0, 0, 0, 0, 1]), v6([0, 0, 0, 0, 0, 0, 0, 0]), v6([0xFE80, 0, 0, 0, 0, 0, 0, 1]),
                        v6([0xFD00, 0, 0, 0, 0, 0, 0, 1]), v6([0xFF02, 0, 0, 0, 0, 0, 0, 1]), v6([0x2001, 0x0DB8, 0, 0, 0, 0, 0, 1]),
                        v6([0, 0, 0, 0, 0, 0xFFFF, 0x7F00, 0x0001]), v6([0x0064, 0xFF9B, 0, 0, 0, 0, 0x0A00, 0x0001]),
                        v6([0x2002, 0xC0A8, 0x0101, 0, 0, 0, 0, 1])] {
            #expect(!address.isPublic, "\(address.bytes)")
        }
        for address in [v6([0x2606, 0x4700, 0, 0, 0, 0, 0, 0x1111]), v6([0, 0, 0, 0, 0, 0xFFFF, 0x0808, 0x0808])] {
            #expect(address.isPublic, "\(address.bytes)")
        }
    }

    @Test func onlyFourOrSixteenBytesAreAnAddress() {
        #expect(NetworkAddress(bytes: [1, 2, 3]) == nil)
        #expect(NetworkAddress(bytes: Array(repeating: 0, count: 8)) == nil)
    }
}
