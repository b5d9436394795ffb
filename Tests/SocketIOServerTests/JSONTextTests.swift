import Foundation
import SocketIOServer
import Testing

/// JSON text in and out of `JSONValue`, held against RFC 8259 and Foundation's reading of the same text.
@Suite struct JSONTextTests {
    static let readings: [(String, JSONValue)] = [
        (#"{"b":[1,-2.5,true,false,null],"a":"x"}"#, JSONValue.object(["a": "x", "b": [1, -2.5, true, false, nil]])),
        (#" [ 0 , -0.0 , 1e3 , 2E-2 , 9223372036854775807 ] "#, [0, .double(-0.0), .double(1000), .double(0.02), .integer(.max)]),
        (#"9223372036854775808"#, .double(9_223_372_036_854_775_808)),
        (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{c}\n\r\t"),
        (#""\u00e9\u0627\ud83d\ude00""#, "é\u{627}😀"),
        (#""مرحبا hello""#, "مرحبا hello"),
        (#"{}"#, [:]),
        (#"[]"#, []),
        (#"{"k":{"k":{"k":[]}}}"#, ["k": ["k": ["k": []]]]),
    ]

    @Test func parsesValidText() throws {
        for (text, expected) in Self.readings {
            #expect(try JSONValue(jsonText: text[...]) == expected, "\(text)")
        }
    }

    @Test(arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "1e", "+1", "[1 2]", "{\"a\" 1}", "{a:1}", "'x'",
        "\"\u{1}\"", "\"\\x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\u12\"", "tru", "nul", "[1]x", "\"open", "[", "{\"a\":",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func refuses(text: String) {
        #expect(throws: SocketIOError.self) { try JSONValue(jsonText: text[...]) }
    }

    @Test func writesCompactTextWithMembersInOrderAndEscapes() {
        let value: JSONValue = ["z": "line\nbreak \"quoted\" \\ /", "a": [1, 2.5, nil, true], "m": "\u{1}é"]
        #expect(value.jsonText == #"{"z":"line\nbreak \"quoted\" \\ /","a":[1,2.5,null,true],"m":"\u0001é"}"#)
        #expect(JSONValue.double(.nan).jsonText == "null")
        #expect(JSONValue.binary([1, 2, 3]).jsonText == #""AQID""#)
    }

    @Test func objectsKeepTheirOrderAndTheLastOfADuplicateKeyWins() throws {
        let parsed = try JSONValue(jsonText: #"{"b":1,"a":2,"b":3}"#[...])
        #expect(parsed["b"] == 3)
        #expect(parsed.jsonText == #"{"b":1,"a":2,"b":3}"#)
        #expect(parsed == ["a": 2, "b": 3])
        var object: JSONObject = ["x": 1, "y": 2]
        object["x"] = 5
        object["z"] = 6
        object["y"] = nil
        #expect(JSONValue.object(object).jsonText == #"{"x":5,"z":6}"#)
        #expect(object.merging(["z": 7, "w": 8]).members.map(\.key) == ["x", "z", "w"])
        #expect(object.merging(["z": 7])["z"] == 7)
    }

    @Test func writtenTextReadsBackEquallyHereAndInFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let text = value.jsonText
            #expect(try JSONValue(jsonText: text[...]) == value, "\(text)")
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            let reencoded = try JSONSerialization.data(withJSONObject: foundation, options: [.fragmentsAllowed, .sortedKeys])
            #expect(try JSONValue(jsonText: String(decoding: reencoded, as: UTF8.self)[...]) == value, "\(text)")
        }
    }

    private static func randomValue(depth: Int, using generator: inout SystemRandomNumberGenerator) -> JSONValue {
        let kinds = depth > 3 ? 5 : 7
        switch Int.random(in: 0..<kinds, using: &generator) {
        case 0: return nil
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64.random(in: -1_000_000...1_000_000, using: &generator))
        case 3: return .double(Double(Int.random(in: -10_000...10_000, using: &generator)) / 64 + 1.0 / 128)
        case 4: return .string(randomString(using: &generator))
        case 5: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                object[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }

    private static func randomString(using generator: inout SystemRandomNumberGenerator) -> String {
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1f}", "é", "ع", "😀", "\u{2028}"]
        return String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
