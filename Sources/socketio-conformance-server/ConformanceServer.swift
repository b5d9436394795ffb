import EngineIOServer
import Foundation
import Hummingbird
import Logging
import SocketIOHummingbird

/// The reference configuration of the Engine.IO and Socket.IO protocol test suites, on one port:
/// an Engine.IO echo server at `/engine.io/` and Socket.IO at `/socket.io/`.
@main
struct ConformanceServer {
    static func main() async throws {
        let port = ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 3000
        var logger = Logger(label: "socketio-conformance-server")
        logger.logLevel = .notice
        var configuration = EngineIOConfiguration()
        configuration.pingInterval = .milliseconds(300)
        configuration.pingTimeout = .milliseconds(200)
        configuration.maxPayload = 1_000_000
        configuration.allowedOrigins = ["*"]
        let echo = EngineIOServer(configuration: configuration, handler: EchoHandler(), logger: logger)

        let router = Router()
        router.addEngineIO(echo, path: "/engine.io")
        let app = Application(
            router: router,
            server: .engineIO(["/engine.io/": echo]),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "socketio-conformance-server"),
            services: [echo],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                FileHandle.standardOutput.write(Data("Conformance server listening on http://127.0.0.1:\(port)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }
}
