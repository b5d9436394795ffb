import Logging
import NIOPosix
import Synchronization

/// Checkpoints the write-ahead log off the writer's path.
///
/// SQLite's own automatic checkpoint runs inside the commit that takes the log past 1,000 frames:
/// that commit copies every page into the database file and waits for two `fsync`s while all
/// writes queue behind it. Here a connection of its own does that work on the blocking thread
/// pool whenever `backgroundFrames` have been added since the last copy, concurrently with the
/// writer. A log that is fully copied starts over at the next write; since a busy writer keeps
/// adding frames, the writer itself copies the last few once the log passes `restartFrames`, so
/// the file stays bounded.
final class SQLiteCheckpointer: Sendable {
    /// Frames added since the last checkpoint that start one in the background.
    let backgroundFrames: Int
    /// The log size at which the writer copies what is left itself, so that the log starts over.
    let restartFrames: Int

    private struct State {
        var logFrames = 0
        var copiedFrames = 0
        /// Counts the times the log started over; a checkpoint's count is stale after a restart.
        var restarts = 0
        var isCheckpointing = false
    }

    private enum Step {
        case none
        case background(restarts: Int)
        case finish(restarts: Int)
    }

    private let state = Mutex(State())
    private let connection: SQLiteConnectionLock
    private let runInBackground: @Sendable (@escaping @Sendable () -> Void) -> Void
    private let logger: Logger

    /// `runInBackground` runs a checkpoint away from the writer; by default on the blocking thread pool.
    init(
        connection: SQLiteConnectionLock, logger: Logger, backgroundFrames: Int = 1_000, restartFrames: Int = 8_000,
        runInBackground: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = { work in
            NIOThreadPool.singleton.submit { _ in work() }
        }
    ) {
        self.backgroundFrames = backgroundFrames
        self.restartFrames = restartFrames
        self.connection = connection
        self.runInBackground = runInBackground
        self.logger = logger
    }

    /// Called by SQLite on the writer's thread after each commit.
    func logGrew(to frames: Int) {
        state.withLock { state in
            if frames < state.logFrames {
                state.copiedFrames = 0
                state.restarts += 1
            }
            state.logFrames = frames
        }
    }

    /// Called on the writer's thread after each commit: starts a background checkpoint when enough
    /// frames were added, or copies the rest with the writer's connection when the log grew large.
    func committed(writer: SQLiteConnectionLock) {
        let step = state.withLock { state -> Step in
            guard !state.isCheckpointing else { return .none }
            if state.logFrames >= restartFrames {
                state.isCheckpointing = true
                return .finish(restarts: state.restarts)
            }
            guard state.logFrames - state.copiedFrames >= backgroundFrames else { return .none }
            state.isCheckpointing = true
            return .background(restarts: state.restarts)
        }
        switch step {
        case .none:
            break
        case .background(let restarts):
            runInBackground { [self] in checkpoint(with: connection, restarts: restarts) }
        case .finish(let restarts):
            checkpoint(with: writer, restarts: restarts)
        }
    }

    private func checkpoint(with connection: SQLiteConnectionLock, restarts: Int) {
        do {
            let copiedFrames = try connection.checkpoint()
            state.withLock { state in
                state.isCheckpointing = false
                if state.restarts == restarts { state.copiedFrames = max(state.copiedFrames, copiedFrames) }
            }
        } catch {
            state.withLock { $0.isCheckpointing = false }
            // A connection in the middle of a commit can make a checkpoint give up; the next commit retries.
            if (error as? SQLiteError)?.isBusy != true {
                logger.debug("Checkpoint of the write-ahead log failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
