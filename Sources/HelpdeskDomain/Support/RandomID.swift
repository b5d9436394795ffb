import Foundation

/// Record ids: time-ordered UUIDs (version 7), in lowercase: 48 bits of Unix milliseconds, 12 bits of
/// the fraction of that millisecond (RFC 9562's method 3), then 62 random bits from the system's
/// generator (`getrandom`). New ids sort after older ones, so inserting a row adds to the right edge
/// of its primary key index instead of dirtying a random page of it (with random ids every chat
/// message rewrote a different index page).
public enum RandomID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let time = max(0, date.timeIntervalSince1970 * 1000)
        let milliseconds = UInt64(time)
        let fraction = UInt64(min(4095, (time - Double(milliseconds)) * 4096))
        let high = milliseconds << 16 | 0x7000 | fraction
        let low = (generator.next() as UInt64) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { text in
            var index = 0
            for byteIndex in 0..<16 {
                if byteIndex == 4 || byteIndex == 6 || byteIndex == 8 || byteIndex == 10 {
                    text[index] = UInt8(ascii: "-")
                    index += 1
                }
                let byte = UInt8(truncatingIfNeeded: (byteIndex < 8 ? high : low) >> (8 * (7 - byteIndex % 8)))
                text[index] = hexDigits[Int(byte >> 4)]
                text[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}
