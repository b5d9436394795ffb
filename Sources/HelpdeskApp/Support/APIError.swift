import Foundation
import HelpdeskDomain
import Hummingbird
import Logging
import NIOCore

/// The one mapping from any error to the HTTP answer `{"error":{"code","message"}}`.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var retryAfterSeconds: Int?

    init(status: HTTPResponse.Status, code: String, message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Unknown errors become a 500 whose details go to the log, not to the client.
    init(_ error: any Error, logger: Logger) {
        switch error {
        case let error as APIError:
            self = error
        case let error as HelpdeskError:
            self.init(status: Self.status(of: error), code: error.code, message: error.message)
            if case .rateLimited(let seconds) = error { retryAfterSeconds = seconds }
            if error == .unavailable { retryAfterSeconds = 1 }
        case let error as RequestError:
            switch error {
            case .malformedBody(let message):
                self.init(status: .badRequest, code: "BAD_REQUEST", message: message)
            case .invalidParameter(let name, let reason):
                self.init(status: .badRequest, code: "VALIDATION_FAILED", message: "\(name): \(reason)")
            case .crossSiteRequest:
                self.init(status: .forbidden, code: "CSRF_REJECTED", message: "Cross-site requests are not allowed.")
            case .tooLarge(let message):
                self.init(status: .contentTooLarge, code: "PAYLOAD_TOO_LARGE", message: message)
            }
        case is NIOTooManyBytesError:
            self.init(status: .contentTooLarge, code: "PAYLOAD_TOO_LARGE", message: "The request body is too large.")
        case let error as HTTPError:
            self.init(status: error.status, code: Self.code(of: error.status), message: error.body ?? error.status.reasonPhrase)
        default:
            logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            self.init(status: .internalServerError, code: "INTERNAL", message: "Something went wrong on our side.")
        }
    }

    func response() -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
            }
            var error: Detail
        }
        let data = (try? JSONEncoder().encode(Body(error: .init(code: code, message: message)))) ?? Data()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func status(of error: HelpdeskError) -> HTTPResponse.Status {
        switch error {
        case .invalidField: .badRequest
        case .unauthenticated: .unauthorized
        case .accountDisabled, .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalidTransition: .unprocessableContent
        case .rateLimited: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }

    private static func code(of status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "NOT_FOUND"
        case .contentTooLarge: "PAYLOAD_TOO_LARGE"
        case .methodNotAllowed: "METHOD_NOT_ALLOWED"
        case .unauthorized: "UNAUTHORIZED"
        case .forbidden: "FORBIDDEN"
        case .badRequest: "BAD_REQUEST"
        default: status.code >= 500 ? "INTERNAL" : "HTTP_\(status.code)"
        }
    }
}
