import Synchronization

/// Group commit: writes submitted while another batch is being written wait and then go together
/// in the next batch, so under load many writes share one transaction and one round of statements.
///
/// There is no background task. The first caller to find nobody writing leads: it writes the
/// queued inputs, hands every waiter its result, and passes the lead to the oldest caller still
/// waiting, so each caller does at most one batch of work before it returns.
///
/// Under load, writes are gathered for a moment: while they arrive at `busyRate` a second or faster
/// (counted over the last tenth of a second), a batch starts no sooner than `minInterval` after the
/// one before it (unless a full batch is already waiting), so a steady stream of writes costs at
/// most one transaction per interval, however it trickles in. Slower, a transaction's cost is small
/// next to the idle time around it, and a write goes at once.
final class WriteBatcher<Input: Sendable, Output: Sendable>: Sendable {
    /// Writes a batch; returns one result per input, in order.
    typealias Write = @Sendable ([Input]) async -> [Result<Output, any Error>]

    private enum Turn {
        case lead
        case done(Result<Output, any Error>)
    }

    /// A queued caller. Its continuation is resumed exactly once — with the lead or with its result —
    /// so the unchecked kind saves the check's allocation on every write.
    private struct Waiting {
        let id: UInt64
        let input: Input
        let continuation: UnsafeContinuation<Turn, Never>
    }

    private struct State {
        var queue: [Waiting] = []
        var isWriting = false
        var nextId: UInt64 = 0
        var lastBatchStart: ContinuousClock.Instant?
        var rateWindowStart: ContinuousClock.Instant?
        var writesInRateWindow = 0
        var isBusy = false
    }

    /// How long writes are counted to tell whether they arrive at `busyRate`.
    private static var rateWindow: Duration { .milliseconds(100) }

    private let state = Mutex(State())
    private let maxBatch: Int
    private let minInterval: Duration
    private let busyWritesPerWindow: Int
    private let write: Write

    init(maxBatch: Int, minInterval: Duration = .zero, busyRate: Int = 0, write: @escaping Write) {
        precondition(maxBatch > 0, "a batch holds at least one write")
        self.maxBatch = maxBatch
        self.minInterval = minInterval
        self.busyWritesPerWindow = Int((Double(busyRate) * (Self.rateWindow / .seconds(1))).rounded())
        self.write = write
    }

    /// How many writes wait for a batch.
    var queuedCount: Int {
        state.withLock { $0.queue.count }
    }

    func submit(_ input: Input) async throws -> Output {
        var ownId: UInt64 = 0
        let now = ContinuousClock.now
        let turn = await withUnsafeContinuation { (continuation: UnsafeContinuation<Turn, Never>) in
            let leads = state.withLock { state in
                countRate(&state, now: now)
                ownId = state.nextId
                state.nextId += 1
                state.queue.append(Waiting(id: ownId, input: input, continuation: continuation))
                guard !state.isWriting else { return false }
                state.isWriting = true
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
        switch turn {
        case .done(let result): return try result.get()
        case .lead: return try await lead(ownId).get()
        }
    }

    /// Counts a write; when a new rate window starts, the one that ended decides whether writes are busy.
    private func countRate(_ state: inout State, now: ContinuousClock.Instant) {
        if let start = state.rateWindowStart, now - start < Self.rateWindow {
            state.writesInRateWindow += 1
            return
        }
        let endedJustNow = state.rateWindowStart.map { now - $0 < Self.rateWindow * 2 } ?? false
        state.isBusy = busyWritesPerWindow == 0 || (endedJustNow && state.writesInRateWindow >= busyWritesPerWindow)
        state.rateWindowStart = now
        state.writesInRateWindow = 1
    }

    /// Writes the oldest queued inputs (the leader's own is first among them) and passes the lead on.
    private func lead(_ ownId: UInt64) async -> Result<Output, any Error> {
        let gatherUntil = state.withLock { state -> ContinuousClock.Instant? in
            guard state.isBusy, let last = state.lastBatchStart, state.queue.count < maxBatch else { return nil }
            return last + minInterval
        }
        if let gatherUntil, gatherUntil > .now {
            try? await Task.sleep(until: gatherUntil)
        }
        let batch = state.withLock { state in
            let batch = Array(state.queue.prefix(maxBatch))
            state.queue.removeFirst(batch.count)
            state.lastBatchStart = .now
            return batch
        }
        let results = await write(batch.map(\.input))
        precondition(results.count == batch.count, "a batch write returns one result per input")
        var own: Result<Output, any Error>?
        for (waiting, result) in zip(batch, results) {
            if waiting.id == ownId {
                own = result
            } else {
                waiting.continuation.resume(returning: .done(result))
            }
        }
        let next = state.withLock { state -> Waiting? in
            if let oldest = state.queue.first { return oldest }
            state.isWriting = false
            return nil
        }
        next?.continuation.resume(returning: .lead)
        guard let own else { preconditionFailure("the leader's input is in its batch") }
        return own
    }
}
