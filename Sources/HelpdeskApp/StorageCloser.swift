import HelpdeskPersistence
import ServiceLifecycle

/// Closes the database when the application shuts down, after the server has stopped.
struct StorageCloser: Service {
    let storage: any SQLStorage

    func run() async throws {
        try? await gracefulShutdown()
        try await storage.close()
    }
}
