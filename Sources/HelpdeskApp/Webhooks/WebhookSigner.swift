import Crypto
import Foundation

/// Signs a delivery: `X-Helpdesk-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
/// next to `X-Helpdesk-Timestamp: <Unix seconds>`, so a receiver can check both the body and its age.
enum WebhookSigner {
    static func signature(secret: String, timestamp: Int, body: some DataProtocol) -> String {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
        hmac.update(data: Array("\(timestamp).".utf8))
        hmac.update(data: body)
        return "sha256=" + hmac.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
