@testable import EngineIOServer
import Testing

/// Every packet example of the Engine.IO v4 document.
@Suite struct EngineIOPacketTests {
    @Test func pollingPayloadFromTheDocument() throws {
        let packets = try PollingPayload.decode("4hello\u{1e}2\u{1e}4world")
        #expect(packets == [.message("hello"), EngineIOPacket(.ping), .message("world")])
        #expect(PollingPayload.encode(packets) == "4hello\u{1e}2\u{1e}4world")
    }

    @Test func binaryInPollingIsBase64BehindB() throws {
        let packets = try PollingPayload.decode("4hello\u{1e}bAQIDBA==")
        #expect(packets == [.message("hello"), .message([1, 2, 3, 4])])
        #expect(PollingPayload.encode(packets) == "4hello\u{1e}bAQIDBA==")
    }

    @Test func webSocketFrames() throws {
        #expect(try EngineIOPacket(text: "4hello") == .message("hello"))
        #expect(EngineIOPacket.message("hello").webSocketFrame == .text("4hello"))
        #expect(EngineIOPacket.message([1, 2, 3, 4]).webSocketFrame == .binary([1, 2, 3, 4]))
        #expect(EngineIOPacket(binaryFrame: [1, 2]) == .message([1, 2]))
    }

    @Test func upgradePackets() throws {
        #expect(try EngineIOPacket(text: "2probe") == EngineIOPacket(.ping, .text("probe")))
        #expect(EngineIOPacket(.pong, .text("probe")).webSocketFrame == .text("3probe"))
        #expect(try EngineIOPacket(text: "5") == EngineIOPacket(.upgrade))
        #expect(EngineIOPacket(.noop).pollingRecord == "6")
        #expect(try EngineIOPacket(text: "1") == EngineIOPacket(.close))
    }

    @Test func everyTypeRoundTrips() throws {
        for type in EngineIOPacketType.allCases {
            let packet = EngineIOPacket(type, .text("x"))
            #expect(try EngineIOPacket(text: Substring(packet.pollingRecord)) == packet)
        }
    }

    @Test func unicodeSurvives() throws {
        let packet = EngineIOPacket.message("مرحبا €")
        #expect(try PollingPayload.decode(PollingPayload.encode([packet, packet])) == [packet, packet])
    }

    @Test(arguments: ["", "7", "x", "bnot base64!", "4a\u{1e}", "\u{1e}4a"])
    func malformedInputIsRejected(body: String) {
        #expect(throws: EngineIOError.invalidPacket) { try PollingPayload.decode(body) }
    }
}
