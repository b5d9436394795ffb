import Foundation

/// Input checks shared by the use cases; each throws `invalidField` naming the field.
enum Validate {
    /// The text without surrounding white space; at most `maxLength` characters, no control characters.
    static func text(_ value: String, field: String, maxLength: Int) throws -> String {
        let trimmed = trimmingWhiteSpace(value)
        guard !trimmed.isEmpty else { throw HelpdeskError.invalidField(field, "must not be empty") }
        // A character takes at least one UTF-8 byte, so short texts need no grapheme count.
        guard trimmed.utf8.count <= maxLength || trimmed.count <= maxLength else {
            throw HelpdeskError.invalidField(field, "must be at most \(maxLength) characters")
        }
        guard !trimmed.unicodeScalars.contains(where: isForbiddenControl) else {
            throw HelpdeskError.invalidField(field, "must not contain control characters")
        }
        return trimmed
    }

    /// Drops leading and trailing white space: Unicode's, plus the zero-width space (the same set
    /// as Foundation's `whitespacesAndNewlines`).
    static func trimmingWhiteSpace(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let isKept = { (scalar: Unicode.Scalar) in !scalar.properties.isWhitespace && scalar != "\u{200B}" }
        guard let first = scalars.firstIndex(where: isKept), let last = scalars.lastIndex(where: isKept) else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return value }
        return String(scalars[first...last])
    }

    static func email(_ value: String) throws -> String {
        let email = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace })
        else { throw HelpdeskError.invalidField("email", "must be a valid email address") }
        return email
    }

    static func password(_ value: String) throws -> String {
        guard value.count >= 8 else { throw HelpdeskError.invalidField("password", "must be at least 8 characters") }
        guard value.utf8.count <= 72 else { throw HelpdeskError.invalidField("password", "must be at most 72 bytes") }
        return value
    }

    /// Control characters (general category Cc: U+0000–U+001F and U+007F–U+009F) other than
    /// newline, carriage return and tab have no place in titles or messages.
    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
