import EngineIOServer
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

extension RouterMethods {
    /// Serves Engine.IO long-polling for `server` at `path` (e.g. `/socket.io`).
    @discardableResult
    public func addEngineIO(_ server: EngineIOServer, path: RouterPath) -> Self {
        let responder: @Sendable (Request, Context) async throws -> Response = { request, context in
            try await Self.respond(to: request, server: server)
        }
        get(path, use: responder)
        post(path, use: responder)
        on(path, method: .options, use: responder)
        return self
    }

    static func respond(to request: Request, server: EngineIOServer) async throws -> Response {
        var request = request
        let method: EngineIOHTTPRequest.Method = switch request.method {
        case .get: .get
        case .post: .post
        case .options: .options
        default: .other
        }
        var body: [UInt8] = []
        if method == .post {
            do {
                body = Array(buffer: try await request.collectBody(upTo: server.configuration.maxPayload + 1))
            } catch {
                return Response(status: .contentTooLarge)
            }
        }
        let query = EngineIOQuery.parse(request.uri.query)
        let headers = EngineIOQuery.headers(request.headers)
        let answer = await server.handle(
            EngineIOHTTPRequest(method: method, query: query, origin: request.headers[.origin], body: body),
            handshake: EngineIOHandshake(query: query, headers: headers, remoteAddress: nil)
        )
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
