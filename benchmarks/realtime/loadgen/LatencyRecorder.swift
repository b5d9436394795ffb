import Foundation
import Synchronization

/// Send→receive latencies and counts, collected from every event loop.
final class LatencyRecorder: Sendable {
    private let samples = Mutex<[UInt64]>([])
    private let acks = Atomic<Int>(0)

    func record(sentAt: UInt64) {
        let latency = DispatchTime.now().uptimeNanoseconds &- sentAt
        samples.withLock { $0.append(latency) }
    }

    func acknowledged() {
        acks.add(1, ordering: .relaxed)
    }

    /// Takes the samples and ack count so far, starting a new window.
    func drain() -> (latencies: [UInt64], acks: Int) {
        (samples.withLock { samples in defer { samples = [] }; return samples }, acks.exchange(0, ordering: .relaxed))
    }
}
