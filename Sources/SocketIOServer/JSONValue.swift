/// Any JSON value, plus the binary buffers Socket.IO carries as attachments.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    /// Bytes; on the wire a `{"_placeholder":true,"num":N}` pointing at attachment N.
    case binary([UInt8])

    /// Compact JSON text, object members in their order; binary as base64.
    public var jsonText: String {
        JSONWriter.text(of: self)
    }

    /// Parses JSON text; binary never comes out of text.
    public init(jsonText: Substring) throws(SocketIOError) {
        self = try JSONParser.parse(jsonText)
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// Whether a binary buffer is anywhere inside.
    var containsBinary: Bool {
        switch self {
        case .binary: true
        case .array(let items): items.contains { $0.containsBinary }
        case .object(let object): object.contains { $0.value.containsBinary }
        default: false
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) })) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
}
