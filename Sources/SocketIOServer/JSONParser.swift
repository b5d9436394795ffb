/// Reads JSON text (RFC 8259) into a `JSONValue` without Foundation's decoder: every inbound
/// Socket.IO packet with data goes through here. Integers that fit in 64 bits stay integers.
struct JSONParser {
    /// Deeper nesting is refused rather than risking the stack.
    static let maxDepth = 512
    private static let invalid = SocketIOError.invalidPacket("invalid JSON payload")

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    static func parse(_ text: Substring) throws(SocketIOError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw Self.invalid }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value() throws(SocketIOError) -> JSONValue {
        guard index < bytes.count else { throw Self.invalid }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func object() throws(SocketIOError) -> JSONValue {
        try descend()
        defer { depth -= 1 }
        index += 1
        var members = JSONObject()
        skipWhitespace()
        if try consume(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Self.invalid }
            let key = try string()
            skipWhitespace()
            guard try consume(UInt8(ascii: ":")) else { throw Self.invalid }
            skipWhitespace()
            members.append(key: key, value: try value())
            skipWhitespace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "}")) else { throw Self.invalid }
        return .object(members)
    }

    private mutating func array() throws(SocketIOError) -> JSONValue {
        try descend()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try consume(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "]")) else { throw Self.invalid }
        return .array(elements)
    }

    private mutating func string() throws(SocketIOError) -> String {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw Self.invalid }
            index += 1
        }
        guard index < bytes.count else { throw Self.invalid }
        var utf8 = Array(bytes[start..<index])
        while bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                try escape(into: &utf8)
            } else {
                guard bytes[index] >= 0x20 else { throw Self.invalid }
                utf8.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { throw Self.invalid }
        }
        index += 1
        return String(decoding: utf8, as: UTF8.self)
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(SocketIOError) {
        index += 1
        guard index < bytes.count else { throw Self.invalid }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(code)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar) {
                guard try consume(UInt8(ascii: "\\")), try consume(UInt8(ascii: "u")) else { throw Self.invalid }
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw Self.invalid }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw Self.invalid }
            utf8.append(contentsOf: UTF8.encode(unicode)!)
        default:
            throw Self.invalid
        }
    }

    private mutating func hexQuad() throws(SocketIOError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Self.invalid }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw Self.invalid
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(SocketIOError) -> JSONValue {
        let start = index
        _ = try consume(UInt8(ascii: "-"))
        guard index < bytes.count, isDigit(bytes[index]) else { throw Self.invalid }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
        var isIntegral = true
        if try consume(UInt8(ascii: ".")) {
            isIntegral = false
            guard index < bytes.count, isDigit(bytes[index]) else { throw Self.invalid }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isIntegral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw Self.invalid }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isIntegral, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text) else { throw Self.invalid }
        return .double(double)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String) throws(SocketIOError) {
        let length = word.utf8.count
        guard index + length <= bytes.count, bytes[index..<index + length].elementsEqual(word.utf8) else { throw Self.invalid }
        index += length
    }

    private mutating func consume(_ byte: UInt8) throws(SocketIOError) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func descend() throws(SocketIOError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw Self.invalid }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }
}
