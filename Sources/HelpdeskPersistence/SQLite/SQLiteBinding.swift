import Foundation

/// Turns SQLKit's bound values into SQLite values: nil as NULL, integers, floating point, text and
/// bytes as themselves, anything else as its JSON text.
enum SQLiteBinding {
    static func value(of bind: any Encodable & Sendable) throws -> SQLiteValue {
        // The common types by identity first: a cast to the exact type is cheap, a failed one is not.
        switch ObjectIdentifier(type(of: bind)) {
        case ObjectIdentifier(String.self): return .text(bind as! String)
        case ObjectIdentifier(String?.self): return (bind as! String?).map(SQLiteValue.text) ?? .null
        case ObjectIdentifier(Int.self): return .integer(Int64(bind as! Int))
        case ObjectIdentifier(Int?.self): return (bind as! Int?).map { .integer(Int64($0)) } ?? .null
        case ObjectIdentifier(Int64.self): return .integer(bind as! Int64)
        case ObjectIdentifier(Int64?.self): return (bind as! Int64?).map(SQLiteValue.integer) ?? .null
        default: break
        }
        switch bind {
        case let text as String: return .text(text)
        case let integer as Int: return .integer(Int64(integer))
        case let integer as Int64: return .integer(integer)
        case let flag as Bool: return .integer(flag ? 1 : 0)
        case let real as Double: return .real(real)
        case let optional as any OptionalBinding where optional.isNil: return .null
        case let integer as any BinaryInteger:
            guard let value = Int64(exactly: integer) else { throw EncodingError.invalidValue(bind, .init(codingPath: [], debugDescription: "Integer out of range")) }
            return .integer(value)
        case let real as Float: return .real(Double(real))
        case let bytes as [UInt8]: return .blob(bytes)
        case let data as Data: return .blob(Array(data))
        default: return .text(String(decoding: try JSONEncoder().encode(bind), as: UTF8.self))
        }
    }
}

/// Lets an optional bound value say that it is nil.
private protocol OptionalBinding {
    var isNil: Bool { get }
}

extension Optional: OptionalBinding {
    fileprivate var isNil: Bool { self == nil }
}
