/// Why a delivery attempt got no answer; recorded in the delivery log.
enum WebhookSendError: Error, CustomStringConvertible {
    case unknownHost(String)
    case privateAddress(String)
    case timedOut(seconds: Int)
    case closedWithoutAnswer
    case invalidURL

    var description: String {
        switch self {
        case .unknownHost(let host): "could not resolve \(host)"
        case .privateAddress(let address): "refused: \(address) is a private or loopback address"
        case .timedOut(let seconds): "no answer within \(seconds) s"
        case .closedWithoutAnswer: "the connection closed before an answer"
        case .invalidURL: "the URL cannot be used"
        }
    }
}
