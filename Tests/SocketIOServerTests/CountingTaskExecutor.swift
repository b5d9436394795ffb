import Dispatch
import Synchronization

/// A task executor on a serial queue that counts the jobs it is given.
final class CountingTaskExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "counting-task-executor")
    private let enqueued = Atomic<Int>(0)

    var jobCount: Int { enqueued.load(ordering: .relaxed) }

    func enqueue(_ job: consuming ExecutorJob) {
        enqueued.add(1, ordering: .relaxed)
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
