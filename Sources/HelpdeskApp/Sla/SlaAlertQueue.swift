import Foundation

/// Each ticket's next SLA alert time, ordered by time: a binary min-heap whose stale entries (a
/// ticket rescheduled since) are skipped as they surface.
struct SlaAlertQueue {
    private var next: [String: Date] = [:]
    private var heap: [(at: Date, ticketId: String)] = []

    /// Sets (or with nil, clears) a ticket's next alert time.
    mutating func schedule(_ ticketId: String, at: Date?) {
        guard next[ticketId] != at else { return }
        next[ticketId] = at
        if let at { push((at, ticketId)) }
    }

    /// The earliest time scheduled, if any.
    mutating func earliest() -> Date? {
        dropStale()
        return heap.first?.at
    }

    /// Takes out every ticket whose time is at or before `now`.
    mutating func takeDue(by now: Date) -> [String] {
        var due: [String] = []
        while let top = earliestEntry(), top.at <= now {
            pop()
            next[top.ticketId] = nil
            due.append(top.ticketId)
        }
        return due
    }

    private mutating func earliestEntry() -> (at: Date, ticketId: String)? {
        dropStale()
        return heap.first
    }

    private mutating func dropStale() {
        while let top = heap.first, next[top.ticketId] != top.at { pop() }
    }

    private mutating func push(_ entry: (at: Date, ticketId: String)) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].at < heap[parent].at else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].at < heap[smallest].at { smallest = left }
            if right < heap.count, heap[right].at < heap[smallest].at { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
