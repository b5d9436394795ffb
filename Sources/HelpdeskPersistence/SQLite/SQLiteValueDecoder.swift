import Foundation

/// Reads one column value as a `Decodable` type: strings, numbers, booleans, bytes and optionals.
struct SQLiteValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLiteValue
    /// The column the value came from, for error messages.
    let column: String
    var codingPath: [any CodingKey] { [SQLiteColumnKey(stringValue: column)] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The column types of our tables by identity first (a failed cast is not cheap); the rest through `Decodable`.
        switch (ObjectIdentifier(type), value) {
        case (ObjectIdentifier(String.self), .text(let text)): return text as! T
        case (ObjectIdentifier(String?.self), .text(let text)): return String?.some(text) as! T
        case (ObjectIdentifier(String?.self), .null): return String?.none as! T
        case (ObjectIdentifier(Int64.self), .integer(let integer)): return integer as! T
        case (ObjectIdentifier(Int64?.self), .integer(let integer)): return Int64?.some(integer) as! T
        case (ObjectIdentifier(Int64?.self), .null): return Int64?.none as! T
        case (ObjectIdentifier(Int.self), .integer(let integer)): return Int(integer) as! T
        case (ObjectIdentifier([UInt8].self), .blob(let bytes)): return bytes as! T
        case (ObjectIdentifier(Data.self), .blob(let bytes)): return Data(bytes) as! T
        default: return try T(from: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw mismatch(type, "a keyed container")
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw mismatch([Any].self, "an unkeyed container")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }

    func decodeNil() -> Bool {
        value == .null
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        try integer(type) != 0
    }

    func decode(_ type: String.Type) throws -> String {
        switch value {
        case .text(let text): text
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        default: throw mismatch(type, "text")
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .real(let real): real
        case .integer(let integer): Double(integer)
        default: throw mismatch(type, "a number")
        }
    }

    func decode(_ type: Float.Type) throws -> Float {
        Float(try decode(Double.self))
    }

    func decode(_ type: Int.Type) throws -> Int { try exactly(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try exactly(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try exactly(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try exactly(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try exactly(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try exactly(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try exactly(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try exactly(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try exactly(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try exactly(type) }

    private func exactly<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let converted = T(exactly: try integer(type)) else { throw mismatch(type, "an integer in range") }
        return converted
    }

    private func integer(_ type: Any.Type) throws -> Int64 {
        switch value {
        case .integer(let integer): return integer
        case .real(let real):
            guard let integer = Int64(exactly: real) else { throw mismatch(type, "a whole number") }
            return integer
        default: throw mismatch(type, "an integer")
        }
    }

    private func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(expected), found \(value)"))
    }
}
