import Foundation

/// The working week an SLA clock runs in: opening intervals per weekday in one time zone, minus
/// holidays. Outside them the clocks stand still.
public struct BusinessHours: Sendable, Equatable {
    /// One opening interval: `weekday` 1 = Sunday … 7 = Saturday; minutes after local midnight, `end` up to 1440.
    public struct Interval: Sendable, Equatable {
        public var weekday: Int
        public var start: Int
        public var end: Int

        public init(weekday: Int, start: Int, end: Int) {
            self.weekday = weekday
            self.start = start
            self.end = end
        }
    }

    /// How far ahead a deadline may be searched for: a schedule open for one minute a year still ends.
    static let searchDays = 3 * 366

    public var timeZone: TimeZone
    public var intervals: [Interval]
    /// Whole days off, as `yyyy-MM-dd` in `timeZone`.
    public var holidays: Set<String>

    /// Fails with `invalidField` unless every interval is a real, non-empty span of one weekday.
    public init(timeZone: TimeZone, intervals: [Interval], holidays: Set<String> = []) throws {
        guard !intervals.isEmpty else { throw HelpdeskError.invalidField("businessHours.intervals", "must open at least once a week") }
        for interval in intervals {
            guard (1...7).contains(interval.weekday), interval.start >= 0, interval.end <= 1440, interval.start < interval.end else {
                throw HelpdeskError.invalidField("businessHours.intervals", "need a weekday 1–7 and 0 ≤ start < end ≤ 1440 minutes")
            }
        }
        for holiday in holidays where Self.dayFormat(timeZone).date(from: holiday) == nil {
            throw HelpdeskError.invalidField("businessHours.holidays", "must be dates like 2026-12-25")
        }
        self.timeZone = timeZone
        self.intervals = intervals.sorted { ($0.weekday, $0.start) < ($1.weekday, $1.start) }
        self.holidays = holidays
    }

    /// The moment `seconds` of working time after `start` have passed.
    public func adding(_ seconds: TimeInterval, to start: Date) -> Date {
        var left = max(0, seconds)
        var result = start
        forEachOpening(from: start) { opens, closes in
            let available = closes.timeIntervalSince(opens)
            if left <= available {
                result = opens.addingTimeInterval(left)
                return false
            }
            left -= available
            result = closes
            return true
        }
        return result
    }

    /// Working time between two moments (zero when `end` is not after `start`).
    public func workingSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        forEachOpening(from: start) { opens, closes in
            guard opens < end else { return false }
            total += min(closes, end).timeIntervalSince(opens)
            return closes < end
        }
        return total
    }

    /// Calls `body` with each opening span at or after `start`, in order, clipped to begin no earlier
    /// than `start`, until `body` answers false or the search horizon ends.
    private func forEachOpening(from start: Date, _ body: (_ opens: Date, _ closes: Date) -> Bool) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let days = Self.dayFormat(timeZone)
        var day = calendar.startOfDay(for: start)
        for _ in 0..<Self.searchDays {
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { return }
            if !holidays.contains(days.string(from: day)) {
                let weekday = calendar.component(.weekday, from: day)
                for interval in intervals where interval.weekday == weekday {
                    let opens = Self.time(interval.start, on: day, next: next, calendar)
                    let closes = Self.time(interval.end, on: day, next: next, calendar)
                    guard closes > start else { continue }
                    if !body(max(opens, start), closes) { return }
                }
            }
            day = next
        }
    }

    private static func time(_ minutes: Int, on day: Date, next: Date, _ calendar: Calendar) -> Date {
        if minutes >= 1440 { return next }
        return calendar.date(bySettingHour: minutes / 60, minute: minutes % 60, second: 0, of: day) ?? day
    }

    private static func dayFormat(_ timeZone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
