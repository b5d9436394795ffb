/// Pauses between attempts at something failing: 50 ms, doubling up to `max`.
struct Backoff {
    static let first: Duration = .milliseconds(50)
    let max: Duration
    private var current = Backoff.first

    init(max: Duration) {
        self.max = max
    }

    mutating func next() -> Duration {
        defer { current = min(current * 2, max) }
        return current
    }

    mutating func reset() {
        current = Self.first
    }
}
