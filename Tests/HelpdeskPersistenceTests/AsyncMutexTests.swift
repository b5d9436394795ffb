@testable import HelpdeskPersistence
import Synchronization
import Testing

@Suite struct AsyncMutexTests {
    /// What happened inside the lock, in order.
    final class Journal: Sendable {
        private let entries = Mutex<[String]>([])

        func add(_ entry: String) {
            entries.withLock { $0.append(entry) }
        }

        var all: [String] { entries.withLock { $0 } }
    }

    @Test func holdersDoNotOverlapEvenWhenTheySuspend() async throws {
        let mutex = AsyncMutex()
        let journal = Journal()
        try await withThrowingTaskGroup { group in
            for index in 0..<50 {
                group.addTask {
                    try await mutex.withLock {
                        journal.add("enter \(index)")
                        await Task.yield()
                        journal.add("leave \(index)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let entries = journal.all
        #expect(entries.count == 100)
        for pair in stride(from: 0, to: entries.count, by: 2) {
            let holder = entries[pair].dropFirst("enter ".count)
            #expect(entries[pair].hasPrefix("enter ") && entries[pair + 1] == "leave \(holder)")
        }
    }

    @Test func aFailingHolderReleasesTheLock() async throws {
        struct Failure: Error {}
        let mutex = AsyncMutex()
        await #expect(throws: Failure.self) {
            try await mutex.withLock { throw Failure() }
        }
        let value = try await mutex.withLock { 42 }
        #expect(value == 42)
    }
}
