import Foundation
import HelpdeskDomain
import Testing

@Suite struct SystemClockTests {
    @Test func nowIsWholeMillisecondsLikeStoredTimes() {
        for _ in 0..<100 {
            let milliseconds = SystemClock().now().timeIntervalSince1970 * 1000
            #expect(abs(milliseconds - milliseconds.rounded()) < 1e-3)
        }
    }
}
