import Crypto
import HelpdeskDomain

/// Hex SHA-256 of session tokens: a stolen database does not hold usable tokens.
struct SHA256TokenDigester: TokenDigester {
    func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
