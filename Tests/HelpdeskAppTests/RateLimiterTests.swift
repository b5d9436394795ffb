import Testing

@testable import HelpdeskApp

@Suite struct RateLimiterTests {
    @Test func aKeySpendsItsCapacityThenWaitsForTheNextToken() {
        let limiter = RateLimiter(capacity: 3, window: .seconds(60))
        #expect((0..<3).map { _ in limiter.consume("socket-1/send_message") } == [nil, nil, nil])
        // Three tokens a minute come back one every 20 seconds.
        #expect(limiter.consume("socket-1/send_message") == 20)
        #expect(limiter.consume("socket-1/typing") == nil)
        #expect(limiter.consume("socket-2/send_message") == nil)
    }
}
