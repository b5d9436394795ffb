/// A fast one-way digest for high-entropy secrets such as session tokens.
public protocol TokenDigester: Sendable {
    func digest(_ token: String) -> String
}
