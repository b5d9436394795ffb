import NIOCore

/// An event loop as a task executor. A task that prefers it runs on the loop's thread as if on the
/// generic executor, so a call into a nonisolated async function continues in place. (Jobs run as
/// the loop's serial executor, the way NIO runs Swift's global jobs, go round the loop's queue again
/// at each such call.)
public final class EventLoopTaskExecutor: TaskExecutor {
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
