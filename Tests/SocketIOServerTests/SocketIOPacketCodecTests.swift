import SocketIOServer
import Testing

/// Every packet example of the Socket.IO v5 document, both ways.
@Suite struct SocketIOPacketCodecTests {
    static let examples: [(SocketIOPacket, String, [[UInt8]])] = [
        (SocketIOPacket(.connect), "0", []),
        (SocketIOPacket(.connect, namespace: "/admin", data: ["sid": "oSO0OpakMV_3jnilAAAA"]), #"0/admin,{"sid":"oSO0OpakMV_3jnilAAAA"}"#, []),
        (SocketIOPacket(.connectError, data: ["message": "Not authorized"]), #"4{"message":"Not authorized"}"#, []),
        (SocketIOPacket(.event, data: ["foo"]), #"2["foo"]"#, []),
        (SocketIOPacket(.event, namespace: "/admin", data: ["bar"]), #"2/admin,["bar"]"#, []),
        (SocketIOPacket(.binaryEvent, data: ["baz", .binary([1, 2, 3, 4])]), #"51-["baz",{"_placeholder":true,"num":0}]"#, [[1, 2, 3, 4]]),
        (SocketIOPacket(.binaryEvent, namespace: "/admin", data: ["baz", .binary([1, 2]), .binary([3, 4])]),
         #"52-/admin,["baz",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]"#, [[1, 2], [3, 4]]),
        (SocketIOPacket(.event, data: ["foo"], id: 12), #"212["foo"]"#, []),
        (SocketIOPacket(.ack, namespace: "/admin", data: ["bar"], id: 13), #"3/admin,13["bar"]"#, []),
        (SocketIOPacket(.binaryAck, data: ["bar", .binary([1, 2, 3, 4])], id: 15), #"61-15["bar",{"_placeholder":true,"num":0}]"#, [[1, 2, 3, 4]]),
        (SocketIOPacket(.disconnect), "1", []),
        (SocketIOPacket(.disconnect, namespace: "/admin"), "1/admin,", []),
        (SocketIOPacket(.ack, data: [], id: 12), "312[]", []),
        (SocketIOPacket(.connect, namespace: "/admin", data: ["token": "123"]), #"0/admin,{"token":"123"}"#, []),
    ]

    @Test func encodesTheDocumentExamples() {
        for (packet, text, attachments) in Self.examples {
            #expect(SocketIOPacketEncoder.encode(packet) == .init(text: text, attachments: attachments))
        }
    }

    @Test func decodesTheDocumentExamples() throws {
        for (packet, text, attachments) in Self.examples {
            var decoder = SocketIOPacketDecoder()
            var decoded = try decoder.decode(text: text)
            for attachment in attachments {
                #expect(decoded == nil)
                decoded = try decoder.decode(attachment: attachment)
            }
            #expect(decoded == packet, "\(text)")
            #expect(!decoder.isAwaitingAttachments)
        }
    }

    @Test func encodingAnEventWithBinaryMakesItABinaryEvent() {
        let encoded = SocketIOPacketEncoder.encode(SocketIOPacket(.event, namespace: "/admin", data: [.binary([9])], id: 1))
        #expect(encoded.text == #"51-/admin,1[{"_placeholder":true,"num":0}]"#)
    }

    @Test func sampleSessionPackets() throws {
        var decoder = SocketIOPacketDecoder()
        #expect(try decoder.decode(text: #"2/admin,1["tellme"]"#) == SocketIOPacket(.event, namespace: "/admin", data: ["tellme"], id: 1))
        #expect(try decoder.decode(text: "0/admin,") == SocketIOPacket(.connect, namespace: "/admin"))
        #expect(try decoder.decode(text: #"0{"sid":"wZX3oN0bSVIhsaknAAAI"}"#)?.data?["sid"] == "wZX3oN0bSVIhsaknAAAI")
    }

    @Test(arguments: [
        "", "9", "a", "2", "2[]", "2{}", #"2[{"a":1}]"#, "2[1", "0[]", "1{}", "3{}", "4[1]", "5-[\"a\"]", #"2/admin,"x""#,
    ])
    func invalidPacketsAreRejected(text: String) {
        var decoder = SocketIOPacketDecoder()
        #expect(throws: SocketIOError.self) { try decoder.decode(text: text) }
    }

    @Test func anAttachmentWithoutAPacketIsRejected() {
        var decoder = SocketIOPacketDecoder()
        #expect(throws: SocketIOError.unexpectedAttachment) { try decoder.decode(attachment: [1]) }
    }

    @Test func aPlaceholderPointingNowhereIsRejected() throws {
        var decoder = SocketIOPacketDecoder()
        #expect(try decoder.decode(text: #"51-["a",{"_placeholder":true,"num":3}]"#) == nil)
        #expect(throws: SocketIOError.self) { try decoder.decode(attachment: [1]) }
    }

    @Test func numbersKeepTheirKind() throws {
        var decoder = SocketIOPacketDecoder()
        let packet = try decoder.decode(text: #"2["n",1,2.5,-3,true,null,{"k":[1]}]"#)
        #expect(packet?.data == ["n", 1, 2.5, -3, true, nil, ["k": [1]]])
        #expect(SocketIOPacketEncoder.encode(try #require(packet)).text == #"2["n",1,2.5,-3,true,null,{"k":[1]}]"#)
    }
}
