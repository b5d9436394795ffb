/// Random secrets for session tokens and generated passwords.
public enum RandomSecret {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// A URL- and cookie-safe random string with 6 bits of entropy per character.
    public static func generate(length: Int = 43) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] })
    }
}
