@testable import HelpdeskPersistence
import Synchronization
import Testing

/// Group commit: writes that queue behind a running batch go together, each caller gets its own result.
@Suite struct WriteBatcherTests {
    struct Rejected: Error, Equatable {
        let input: Int
    }

    /// Records the batches; the first one waits until every other caller has queued behind it.
    final class Recorder: Sendable {
        let batches = Mutex<[[Int]]>([])
        let expectedWaiting: Int
        let batcher = Mutex<WriteBatcher<Int, Int>?>(nil)

        init(expectedWaiting: Int) {
            self.expectedWaiting = expectedWaiting
        }

        func write(_ inputs: [Int]) async -> [Result<Int, any Error>] {
            let isFirst = batches.withLock { batches in
                batches.append(inputs)
                return batches.count == 1
            }
            if isFirst, let batcher = batcher.withLock({ $0 }) {
                while batcher.queuedCount < expectedWaiting { await Task.yield() }
            }
            return inputs.map { $0 % 7 == 0 ? .failure(Rejected(input: $0)) : .success($0 * 10) }
        }
    }

    @Test func writesQueuedBehindABatchGoTogetherAndEachCallerGetsItsOwnResult() async throws {
        let recorder = Recorder(expectedWaiting: 199)
        let batcher = WriteBatcher<Int, Int>(maxBatch: 64) { await recorder.write($0) }
        recorder.batcher.withLock { $0 = batcher }
        let results = await withTaskGroup(of: (Int, Result<Int, Rejected>).self) { group in
            group.addTask { await Self.outcome(of: 0, in: batcher) }
            while recorder.batches.withLock({ $0.isEmpty }) { await Task.yield() }
            for input in 1..<200 {
                group.addTask { await Self.outcome(of: input, in: batcher) }
            }
            return await group.reduce(into: [Int: Result<Int, Rejected>]()) { $0[$1.0] = $1.1 }
        }
        for input in 0..<200 {
            #expect(results[input] == (input % 7 == 0 ? .failure(Rejected(input: input)) : .success(input * 10)))
        }
        let batches = recorder.batches.withLock { $0 }
        #expect(batches.map(\.count) == [1, 64, 64, 64, 7])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<200))
        #expect(batcher.queuedCount == 0)
    }

    static func outcome(of input: Int, in batcher: WriteBatcher<Int, Int>) async -> (Int, Result<Int, Rejected>) {
        do {
            return (input, .success(try await batcher.submit(input)))
        } catch {
            return (input, .failure(error as! Rejected))
        }
    }

    @Test func aLoneWriteIsWrittenAtOnce() async throws {
        let recorder = Recorder(expectedWaiting: 0)
        let batcher = WriteBatcher<Int, Int>(maxBatch: 8) { await recorder.write($0) }
        #expect(try await batcher.submit(3) == 30)
        #expect(try await batcher.submit(4) == 40)
        #expect(recorder.batches.withLock { $0 } == [[3], [4]])
    }

    @Test func aWriteRightAfterABatchWaitsForTheIntervalAndTakesLaterWritesAlong() async throws {
        let recorder = Recorder(expectedWaiting: 0)
        let batcher = WriteBatcher<Int, Int>(maxBatch: 8, minInterval: .seconds(1)) { await recorder.write($0) }
        #expect(try await batcher.submit(1) == 10)
        let sum = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask { try await batcher.submit(2) }
            while batcher.queuedCount < 1 && recorder.batches.withLock({ $0.count }) < 2 { await Task.yield() }
            group.addTask { try await batcher.submit(3) }
            return try await group.reduce(0, +)
        }
        #expect(sum == 50)
        #expect(recorder.batches.withLock { $0 }.map { $0.sorted() } == [[1], [2, 3]])
    }

    @Test func writesSlowerThanTheBusyRateGoAtOnce() async throws {
        let recorder = Recorder(expectedWaiting: 0)
        let batcher = WriteBatcher<Int, Int>(maxBatch: 8, minInterval: .seconds(30), busyRate: 1_000_000) { await recorder.write($0) }
        let start = ContinuousClock.now
        for input in 1...3 {
            #expect(try await batcher.submit(input) == input * 10)
        }
        // Gathered, the second and third writes would each have waited out the 30-second interval.
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(recorder.batches.withLock { $0 } == [[1], [2], [3]])
    }
}
