import Foundation
@testable import HelpdeskDomain
import Testing

@Suite struct ValidateTests {
    /// Every white-space scalar Foundation knows, plus neighbours that are not white space.
    static let pieces: [String] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}",
        "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "a", "ب", "é", "e\u{301}", "👍🏽", "x y",
    ]

    @Test func trimmingMatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            #expect(Validate.trimmingWhiteSpace(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func controlCharactersAreRefusedExceptLineBreaksAndTabs() throws {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .control || value < 0x100 else { continue }
            let text = "a\(Character(scalar))b"
            let refused = (try? Validate.text(text, field: "content", maxLength: 10)) == nil
            let expected = scalar.properties.generalCategory == .control && !["\n", "\r", "\t"].contains(scalar)
            #expect(refused == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func lengthCountsCharactersNotBytes() throws {
        #expect(try Validate.text("ببب", field: "title", maxLength: 3) == "ببب")
        #expect(try Validate.text("  👍🏽👍🏽  ", field: "title", maxLength: 2) == "👍🏽👍🏽")
        #expect(throws: HelpdeskError.self) { try Validate.text("abcd", field: "title", maxLength: 3) }
        #expect(throws: HelpdeskError.self) { try Validate.text(" \n\u{3000} ", field: "title", maxLength: 3) }
    }
}
