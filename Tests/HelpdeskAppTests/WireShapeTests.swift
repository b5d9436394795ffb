import Foundation
@testable import HelpdeskApp
import HelpdeskDomain
import SocketIOServer
import Testing

@Suite struct WireShapeTests {
    @Test(arguments: [nil, "user-1"])
    func theHandBuiltMessageEqualsTheEncodedOne(senderId: String?) {
        let message = Message(
            id: "m1", ticketId: "t1", seq: 7, content: "مرحبا \"quoted\"", sender: .agent, senderId: senderId, senderName: "Sami",
            type: .attachment, attachments: [Attachment(name: "a.png", size: 12, mimeType: "image/png", url: "/files/a.png")],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000.123)
        )
        #expect(MessageDTO(message).jsonValue == JSONValue(encoding: MessageDTO(message)))
    }
}

@Suite struct WireTimestampTests {
    /// From 1600 (Foundation switches to the Julian calendar before 1582) to 9999.
    @Test func matchesFoundationsISO8601WithMilliseconds() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var generator = SystemRandomNumberGenerator()
        let fixed: [Int64] = [0, -1, 86_399_999, 86_400_000, 951_782_400_000, 4_102_444_799_999, -11_676_096_000_000, 1_700_000_000_123]
        let random = (0..<2000).map { _ in Int64.random(in: -11_676_096_000_000...253_402_300_799_999, using: &generator) }
        for milliseconds in fixed + random {
            // Half a millisecond in, so that binary fractions cannot tip either formatter into the previous one.
            let date = Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000)
            #expect(WireTimestamp.string(date) == date.formatted(style), "\(milliseconds)")
        }
    }
}

@Suite struct ServerThreadsTests {
    @Test func countsLinuxCPULists() {
        #expect(ServerThreads.cpuCount(list: "0") == 1)
        #expect(ServerThreads.cpuCount(list: "\t0-3,6\n") == 5)
        #expect(ServerThreads.cpuCount(list: "1,3,5-6") == 4)
        #expect(ServerThreads.cpuCount(list: "") == nil)
        #expect(ServerThreads.cpuCount(list: "3-1") == nil)
        #expect(ServerThreads.cpuCount(list: "a") == nil)
    }
}
