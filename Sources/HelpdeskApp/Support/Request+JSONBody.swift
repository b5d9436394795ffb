import Foundation
import HelpdeskDomain
import Hummingbird

extension Request {
    /// Reads at most `limit` bytes and decodes them, naming the offending field when decoding fails.
    func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: limit)
        guard buffer.readableBytes > 0 else { throw RequestError.malformedBody("The body must be a JSON object.") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Self.describe(error)
        }
    }

    private static func describe(_ error: DecodingError) -> any Error {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return HelpdeskError.invalidField(path(context.codingPath + [key]), "is required")
        case .valueNotFound(_, let context):
            return HelpdeskError.invalidField(path(context.codingPath), "must not be null")
        case .typeMismatch(let expected, let context) where !context.codingPath.isEmpty:
            return HelpdeskError.invalidField(path(context.codingPath), "must be \(Self.describe(expected))")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return HelpdeskError.invalidField(path(context.codingPath), "has an invalid value")
        default:
            return RequestError.malformedBody("The body must be a JSON object.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "of another type"
        }
    }
}
