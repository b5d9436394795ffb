import HelpdeskDomain

/// Parses a string from the wire into one of an enum's cases, naming the allowed values when it fails.
enum WireEnum {
    static func parse<E: RawRepresentable & CaseIterable>(_ value: String, field: String) throws -> E where E.RawValue == String {
        guard let parsed = E(rawValue: value) ?? E(rawValue: value.lowercased()) else {
            throw HelpdeskError.invalidField(field, "must be one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return parsed
    }
}
