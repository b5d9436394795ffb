/// A JSON object's members in order: written in that order, looked up by key, the last member with
/// a key winning (as in JavaScript). The objects on the wire are small, so a list beats hashing
/// every key on the way in and sorting the keys on the way out.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Member = (key: String, value: JSONValue)

    public private(set) var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { members.last { $0.key == key }?.value }
        set {
            guard let index = members.lastIndex(where: { $0.key == key }) else {
                if let newValue { members.append((key: key, value: newValue)) }
                return
            }
            if let newValue {
                members[index].value = newValue
            } else {
                members.removeAll { $0.key == key }
            }
        }
    }

    /// Adds a member at the end, even if the key is there already (lookups then find this one).
    public mutating func append(key: String, value: JSONValue) {
        members.append((key: key, value: value))
    }

    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(try members.map { (key: $0.key, value: try transform($0.value)) })
    }

    /// This object with `other`'s members added; where both have a key, `other`'s value wins.
    public func merging(_ other: JSONObject) -> JSONObject {
        var merged = self
        for member in other { merged[member.key] = member.value }
        return merged
    }

    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    /// Equal when they map the same keys to equal values, whatever the order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        Dictionary(lhs.members, uniquingKeysWith: { $1 }) == Dictionary(rhs.members, uniquingKeysWith: { $1 })
    }
}
