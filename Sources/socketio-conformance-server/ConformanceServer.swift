import EngineIOServer
import Foundation
import Hummingbird
import Logging
import SocketIOHummingbird
import SocketIOServer

/// The reference configuration of the Engine.IO and Socket.IO protocol test suites, on one port:
/// an Engine.IO echo server at `/engine.io/` and Socket.IO at `/socket.io/`.
@main
struct ConformanceServer {
    static func main() async throws {
        let port = ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 3000
        var logger = Logger(label: "socketio-conformance-server")
        logger.logLevel = .notice

        var engineConfiguration = EngineIOConfiguration()
        engineConfiguration.pingInterval = .milliseconds(300)
        engineConfiguration.pingTimeout = .milliseconds(200)
        engineConfiguration.maxPayload = 1_000_000
        engineConfiguration.allowedOrigins = ["*"]
        let echo = EngineIOServer(configuration: engineConfiguration, handler: EchoHandler(), logger: logger)

        var socketConfiguration = SocketIOConfiguration()
        socketConfiguration.connectTimeout = .milliseconds(1000)
        let io = SocketIOServer(configuration: socketConfiguration, logger: logger)
        io.of("/").onConnection { socket in
            socket.emit("auth", [socket.handshake.auth])
            socket.on("message") { socket, event in
                socket.emit("message-back", event.arguments)
            }
            socket.on("message-with-ack") { _, event in
                event.ack?(event.arguments)
            }
        }
        io.of("/custom").onConnection { socket in
            socket.emit("auth", [socket.handshake.auth])
        }
        let socketEngine = EngineIOServer(configuration: engineConfiguration, handler: io, logger: logger)

        let router = Router()
        router.addEngineIO(echo, path: "/engine.io")
        router.addEngineIO(socketEngine, path: "/socket.io")
        let app = Application(
            router: router,
            server: .engineIO(["/engine.io/": echo, "/socket.io/": socketEngine]),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "socketio-conformance-server"),
            services: [echo, socketEngine, io],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                FileHandle.standardOutput.write(Data("Conformance server listening on http://127.0.0.1:\(port)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }
}
