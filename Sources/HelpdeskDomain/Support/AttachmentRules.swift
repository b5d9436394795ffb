/// What may be attached: the types allowed, told apart by their first bytes (never by the name or
/// the type the uploader claims), and names made safe to show and to offer for download.
public enum AttachmentRules {
    public static let maxNameLength = 200
    /// How many leading bytes `mimeType(of:)` needs.
    public static let sniffLength = 16
    /// The allowed types, for error messages.
    public static let allowed = ["PNG", "JPEG", "GIF", "WebP", "PDF", "ZIP (also .docx, .xlsx)", "plain UTF-8 text"]

    /// The type the bytes show, or nil when it is not one that may be attached. `head` is the
    /// first `sniffLength` bytes (or all of a shorter file); `isText` whether the whole file is
    /// UTF-8 without NUL bytes.
    public static func mimeType(of head: [UInt8], isText: Bool) -> String? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        if isText { return "text/plain; charset=utf-8" }
        return nil
    }

    /// The name's last path component, without control characters, quotes or path separators, at
    /// most `maxNameLength` characters; "file" when nothing is left.
    public static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\"" || scalar == ":"
              || scalar.properties.generalCategory == .format)
        }
        var safe = Validate.trimmingWhiteSpace(String(String.UnicodeScalarView(kept)))
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "file" : String(safe.prefix(maxNameLength))
    }
}
