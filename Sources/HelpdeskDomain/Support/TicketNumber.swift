import Foundation

/// Human-readable ticket numbers: `TKT` + two-digit year + month + a sequence of at least four digits.
public enum TicketNumber {
    public static let prefix = "TKT"

    /// The `yymm` period (UTC) whose sequence a ticket created at `date` draws from.
    public static func period(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = (parts.year ?? 2000) % 100
        let month = parts.month ?? 1
        return String(format: "%02d%02d", year, month)
    }

    public static func make(period: String, sequence: Int) -> String {
        prefix + period + String(format: "%04d", sequence)
    }

    /// Whether `text` has the shape of a ticket number (so lookups can tell numbers from ids).
    public static func looksLikeNumber(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let digits = text.dropFirst(prefix.count)
        return digits.count >= 8 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
