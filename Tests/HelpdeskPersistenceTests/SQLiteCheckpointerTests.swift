import Foundation
import Logging
import Synchronization
import Testing

@testable import HelpdeskPersistence

@Suite struct SQLiteCheckpointerTests {
    static let commits = 600
    /// A WAL frame: a 4 KiB page and its 24-byte header.
    static let frameBytes = 4_096 + 24

    @Test func backgroundCheckpointsCopyTheLogSoItStartsOverInsteadOfGrowing() throws {
        try Self.withDatabase { path, writer in
            let checkpointer = SQLiteCheckpointer(
                connection: try SQLiteStorage.connect(path, wal: true), logger: Logger(label: "test"),
                backgroundFrames: 20, restartFrames: 1_000_000, runInBackground: { $0() }
            )
            try Self.writeNotes(writer, checkpointer: checkpointer)
            // Every commit added at least one page; the log holds no more than a checkpoint's worth.
            #expect(try Self.size(of: path + "-wal") < 40 * Self.frameBytes)
        }
    }

    @Test func theWriterCopiesWhatIsLeftOnceTheLogPassesTheRestartSize() throws {
        try Self.withDatabase { path, writer in
            let checkpointer = SQLiteCheckpointer(
                connection: try SQLiteStorage.connect(path, wal: true), logger: Logger(label: "test"),
                backgroundFrames: 1_000_000, restartFrames: 50, runInBackground: { _ in Issue.record("no background checkpoint is due") }
            )
            try Self.writeNotes(writer, checkpointer: checkpointer)
            #expect(try Self.size(of: path + "-wal") < 60 * Self.frameBytes)
        }
    }

    /// One note of 3,000 bytes (a page of its own) per transaction, then checks that the database
    /// file holds them: copied from the log while writing, not only when the last connection closes.
    private static func writeNotes(_ writer: SQLiteConnectionLock, checkpointer: SQLiteCheckpointer) throws {
        writer.reportLogSize(to: checkpointer)
        for index in 0..<commits {
            try writer.execute("BEGIN IMMEDIATE")
            try writer.run(
                "INSERT INTO notes (id, body) VALUES (?, ?)",
                [.integer(Int64(index)), .blob(Array(repeating: UInt8(index % 256), count: 3_000))], onRow: { _ in }
            )
            try writer.execute("COMMIT")
            checkpointer.committed(writer: writer)
        }
        let count = Mutex(SQLiteValue.null)
        try writer.run("SELECT COUNT(*) FROM notes", [], onRow: { row in count.withLock { $0 = row.values[0] } })
        #expect(count.withLock { $0 } == .integer(Int64(commits)))
    }

    private static func withDatabase(_ body: (String, SQLiteConnectionLock) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("checkpoints.sqlite").path
        let writer = try SQLiteStorage.connect(path, wal: true)
        defer { writer.close() }
        try writer.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        try body(path, writer)
        #expect(try size(of: path) > commits * 4_096 * 9 / 10)
    }

    private static func size(of path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    }
}
