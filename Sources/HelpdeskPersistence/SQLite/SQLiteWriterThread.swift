import NIOPosix

/// A thread of the writer's own, as a task executor: a transaction runs its statements there one
/// after another, with no hop between threads per statement (one hop in, one hop out).
final class SQLiteWriterThread: TaskExecutor {
    private let thread = NIOThreadPool(numberOfThreads: 1)

    init() {
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        thread.submit { _ in job.runSynchronously(on: executor) }
    }

    func shutdown() async throws {
        try await thread.shutdownGracefully()
    }
}
