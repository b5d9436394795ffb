import Foundation

/// Record ids: time-ordered UUIDs (version 7: 48 bits of Unix milliseconds, then 74 random bits), in
/// lowercase. New ids sort after older ones, so inserting a row adds to the right edge of its primary
/// key index instead of dirtying a random page of it (with random ids every chat message rewrote a
/// different index page). Random bits come from the system's generator (`getrandom`).
public enum RandomID {
    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let random = generator.next() as UInt64
        let clockSequence = generator.next() as UInt16
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            for index in 0..<6 {
                buffer[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index)))
            }
            buffer[6] = 0x70 | UInt8(truncatingIfNeeded: clockSequence >> 8) & 0x0F
            buffer[7] = UInt8(truncatingIfNeeded: clockSequence)
            buffer.storeBytes(of: random, toByteOffset: 8, as: UInt64.self)
            buffer[8] = buffer[8] & 0x3F | 0x80
        }
        return UUID(uuid: bytes).uuidString.lowercased()
    }
}
