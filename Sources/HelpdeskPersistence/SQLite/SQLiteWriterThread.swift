import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// A thread of the writer's own, as a task executor: a transaction runs its statements there one
/// after another, with no hop between threads per statement (one hop in, one hop out).
///
/// On Linux the thread runs under `SCHED_BATCH`: a transaction handed to it does not preempt the
/// event loop that submitted it in the middle of its turn, so the loop first reads what else has
/// arrived, and the writes it queues go into the same batch.
final class SQLiteWriterThread: TaskExecutor {
    /// `SCHED_BATCH` of `<linux/sched.h>`, which Glibc's module leaves out (it needs `_GNU_SOURCE`).
    private static let batchPolicy: Int32 = 3

    private let thread = NIOThreadPool(numberOfThreads: 1)

    init() {
        thread.start()
        #if canImport(Glibc)
        thread.submit { _ in
            var parameters = sched_param(sched_priority: 0)
            pthread_setschedparam(pthread_self(), Self.batchPolicy, &parameters)
        }
        #endif
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
