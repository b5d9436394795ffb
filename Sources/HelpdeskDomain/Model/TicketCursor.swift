import Foundation

/// The position after the last item of a page: its sort value and id, as an opaque string.
public struct TicketCursor: Sendable, Equatable {
    public var sortValue: Int64
    public var id: String

    public init(sortValue: Int64, id: String) {
        self.sortValue = sortValue
        self.id = id
    }

    public init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":"), let value = Int64(text[..<colon])
        else { return nil }
        let id = String(text[text.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        self.init(sortValue: value, id: id)
    }

    public var encoded: String {
        Data("\(sortValue):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
