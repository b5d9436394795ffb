import Foundation
import HelpdeskDomain
import Synchronization

/// A clock that stands still until a test moves it.
final class TestClock: HelpdeskClock {
    private let current: Mutex<Date>

    init(_ start: Date = Fixtures.epoch) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
