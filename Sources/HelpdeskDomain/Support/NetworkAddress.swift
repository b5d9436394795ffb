/// An IPv4 or IPv6 address as bytes, and whether it is on the public internet.
public struct NetworkAddress: Sendable, Equatable {
    /// 4 bytes (IPv4) or 16 (IPv6), in network order.
    public var bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// False for loopback, private, link-local, shared (CGNAT), unspecified, documentation,
    /// benchmarking, multicast and reserved ranges, and IPv6 addresses that embed such an IPv4 one.
    public var isPublic: Bool {
        if bytes.count == 4 { return Self.isPublicIPv4(bytes) }
        let prefix = Array(bytes[0..<12])
        if prefix == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] || prefix == Array(repeating: 0, count: 12) {
            return Self.isPublicIPv4(Array(bytes[12..<16]))
        }
        if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B {
            return Self.isPublicIPv4(Array(bytes[12..<16]))
        }
        if bytes[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return false }  // fec0::/10 site-local
        if bytes[0] == 0xFF { return false }  // multicast
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8 { return false }  // documentation
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return Self.isPublicIPv4(Array(bytes[2..<6])) }  // 6to4
        return bytes[0] & 0xE0 == 0x20  // global unicast is 2000::/3
    }

    private static func isPublicIPv4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1], b[2]) {
        case (0, _, _), (10, _, _), (127, _, _): false
        case (100, 64...127, _): false
        case (169, 254, _): false
        case (172, 16...31, _): false
        case (192, 0, 0), (192, 0, 2), (192, 88, 99), (192, 168, _): false
        case (198, 18...19, _), (198, 51, 100), (203, 0, 113): false
        case (224...255, _, _): false
        default: true
        }
    }
}
