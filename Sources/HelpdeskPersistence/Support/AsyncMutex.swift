import Synchronization

/// A first-come, first-served lock for async code; holders may suspend while holding it.
///
/// Not an actor: taking a free lock does not suspend, and the holder's work stays on its own
/// executor (a transaction goes straight to the writer's thread, with no hop through the actor's
/// executor on the way in and again on the way out).
final class AsyncMutex: Sendable {
    private struct State {
        var isLocked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        defer { unlock() }
        return try await body()
    }

    private func lock() async {
        guard !take(orQueue: nil) else { return }
        await withCheckedContinuation { continuation in
            if take(orQueue: continuation) { continuation.resume() }
        }
    }

    /// Takes the lock if it is free; otherwise queues `waiter`, if any, to be handed it later.
    private func take(orQueue waiter: CheckedContinuation<Void, Never>?) -> Bool {
        state.withLock { state in
            guard state.isLocked else {
                state.isLocked = true
                return true
            }
            if let waiter { state.waiters.append(waiter) }
            return false
        }
    }

    /// Hands the lock to the oldest waiter, if any; it stays locked for them.
    private func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.isLocked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
