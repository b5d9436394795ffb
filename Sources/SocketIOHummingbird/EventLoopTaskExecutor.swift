import NIOCore

/// An event loop as a task executor. A task that prefers it runs its jobs on the loop as the
/// generic executor would, so its hops between nonisolated functions stay on the loop's thread
/// without a trip through the loop's queue each (which jobs run as the loop's serial executor make).
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
