import SQLKit

/// One result row, as SQLKit reads rows.
struct SQLiteRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.index(of: column) != nil
    }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        // The column types of our tables by identity first; anything else goes through `Decodable`.
        switch (ObjectIdentifier(type), value) {
        case (ObjectIdentifier(String.self), .text(let text)): return text as! D
        case (ObjectIdentifier(String?.self), .text(let text)): return String?.some(text) as! D
        case (ObjectIdentifier(String?.self), .null): return String?.none as! D
        case (ObjectIdentifier(Int64.self), .integer(let integer)): return integer as! D
        case (ObjectIdentifier(Int64?.self), .integer(let integer)): return Int64?.some(integer) as! D
        case (ObjectIdentifier(Int64?.self), .null): return Int64?.none as! D
        case (ObjectIdentifier(Int.self), .integer(let integer)): return Int(integer) as! D
        default: return try SQLiteValueDecoder(value: value, codingPath: [SQLiteColumnKey(stringValue: column)]).decode(type)
        }
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let index = columns.index(of: column) else {
            throw DecodingError.keyNotFound(
                SQLiteColumnKey(stringValue: column), .init(codingPath: [], debugDescription: "No column named \(column)")
            )
        }
        return values[index]
    }
}

/// A column name as a coding key.
struct SQLiteColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
