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
