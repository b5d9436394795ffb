import Foundation
import SocketIOServer

extension JSONValue {
    /// A wire DTO as a Socket.IO argument, encoded exactly as the REST API encodes it.
    init(encoding value: some Encodable) {
        do {
            let data = try WireJSON.encoder().encode(value)
            self = try JSONValue(jsonText: String(decoding: data, as: UTF8.self)[...])
        } catch {
            self = .null
        }
    }
}
