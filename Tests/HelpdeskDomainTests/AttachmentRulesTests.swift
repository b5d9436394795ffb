import HelpdeskDomain
import Testing

@Suite struct AttachmentRulesTests {
    @Test func theTypeComesFromTheBytesNotTheName() {
        let kinds: [([UInt8], Bool, String?)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], false, "image/png"),
            ([0xFF, 0xD8, 0xFF, 0xE0], false, "image/jpeg"),
            (Array("GIF89a..".utf8), false, "image/gif"),
            (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), false, "image/webp"),
            (Array("%PDF-1.7".utf8), false, "application/pdf"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14], false, "application/zip"),
            (Array("hello".utf8), true, "text/plain; charset=utf-8"),
            ([0x7F, 0x45, 0x4C, 0x46], false, nil),
            (Array("MZ".utf8), false, nil),
            (Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8), false, nil),
        ]
        for (head, isText, expected) in kinds {
            #expect(AttachmentRules.mimeType(of: head, isText: isText) == expected, "\(head)")
        }
    }

    @Test func namesLoseTheirPathsControlCharactersAndLeadingDots() {
        #expect(AttachmentRules.safeName("../../etc/passwd") == "passwd")
        #expect(AttachmentRules.safeName("C:\\Users\\me\\report.pdf") == "report.pdf")
        #expect(AttachmentRules.safeName("evil\u{202E}gpj.exe") == "evilgpj.exe", "no right-to-left override")
        #expect(AttachmentRules.safeName("a\u{0}b\nc\"d.txt") == "abcd.txt")
        #expect(AttachmentRules.safeName(".htaccess") == "htaccess")
        #expect(AttachmentRules.safeName("../") == "file" && AttachmentRules.safeName("") == "file")
        #expect(AttachmentRules.safeName("تقرير الشهر.pdf") == "تقرير الشهر.pdf")
        #expect(AttachmentRules.safeName(String(repeating: "x", count: 300)).count == AttachmentRules.maxNameLength)
    }
}
