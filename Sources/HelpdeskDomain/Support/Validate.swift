import Foundation

/// Input checks shared by the use cases; each throws `invalidField` naming the field.
enum Validate {
    static func text(_ value: String, field: String, maxLength: Int) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw HelpdeskError.invalidField(field, "must not be empty") }
        guard trimmed.count <= maxLength else {
            throw HelpdeskError.invalidField(field, "must be at most \(maxLength) characters")
        }
        guard !trimmed.unicodeScalars.contains(where: isForbiddenControl) else {
            throw HelpdeskError.invalidField(field, "must not contain control characters")
        }
        return trimmed
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

    /// Control characters other than newline and tab have no place in titles or messages.
    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t" && scalar != "\r"
    }
}
