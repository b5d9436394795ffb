import Crypto
import Foundation
import HelpdeskDomain
import Hummingbird
import NIOCore
import NIOPosix

/// Uploaded files on disk, each kept once under its SHA-256 (`<directory>/ab/abcdef…`); an upload
/// is written to a temporary file first, so a refused or broken one leaves nothing behind.
struct AttachmentStore: Sendable {
    /// What was stored, and what its bytes say it is.
    struct Stored {
        var sha256: String
        var size: Int
        var head: [UInt8]
        /// UTF-8 at its start and no NUL byte anywhere.
        var isText: Bool
    }

    let directory: String
    let maxBytes: Int

    func path(sha256: String) -> String {
        "\(directory)/\(sha256.prefix(2))/\(sha256)"
    }

    /// Streams `body` to disk while hashing it; throws (keeping nothing) past `maxBytes`, or when
    /// `accept` refuses what the bytes turned out to be.
    func store(_ body: RequestBody, accept: (Stored) async throws -> Void) async throws -> Stored {
        let temporary = "\(directory)/tmp/\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: "\(directory)/tmp", withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        do {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            var hash = SHA256()
            var size = 0
            var head: [UInt8] = []
            var sawNul = false
            do {
                for try await buffer in body {
                    size += buffer.readableBytes
                    guard size <= maxBytes else {
                        throw RequestError.tooLarge("Files are at most \(maxBytes >> 20) MB.")
                    }
                    let bytes = Array(buffer.readableBytesView)
                    hash.update(data: bytes)
                    if head.count < 8192 { head += bytes.prefix(8192 - head.count) }
                    if !sawNul, bytes.contains(0) { sawNul = true }
                    try await NIOThreadPool.singleton.runIfActive { try file.write(contentsOf: bytes) }
                }
                try file.close()
            } catch {
                try? file.close()
                throw error
            }
            let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
            let stored = Stored(sha256: digest, size: size, head: head, isText: !sawNul && Self.isUTF8(head, complete: size == head.count))
            try await accept(stored)
            let destination = path(sha256: digest)
            if FileManager.default.fileExists(atPath: destination) {
                try FileManager.default.removeItem(atPath: temporary)
            } else {
                try FileManager.default.createDirectory(atPath: "\(directory)/\(digest.prefix(2))", withIntermediateDirectories: true)
                try FileManager.default.moveItem(atPath: temporary, toPath: destination)
            }
            return stored
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Whether `bytes` are UTF-8; when they are only the start of a file, a sequence cut at the end is fine.
    private static func isUTF8(_ bytes: [UInt8], complete: Bool) -> Bool {
        for cut in 0...(complete ? 0 : 3) where bytes.count >= cut {
            if String(validating: bytes.dropLast(cut), as: UTF8.self) != nil { return true }
        }
        return false
    }
}
