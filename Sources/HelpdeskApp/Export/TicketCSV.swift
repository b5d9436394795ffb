import Foundation
import HelpdeskDomain

/// Tickets as CSV (RFC 4180): one row a ticket; a cell that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
enum TicketCSV {
    static let header = [
        "ticketNumber", "id", "title", "category", "status", "priority", "customerName", "customerEmail", "assigneeName",
        "messages", "createdAt", "updatedAt", "firstRespondedAt", "slaDeadline", "resolvedAt", "closedAt", "rating", "ratingComment",
    ]

    static func row(_ ticket: Ticket) -> String {
        let time = { (date: Date?) in date.map(WireTimestamp.string) ?? "" }
        let cells = [
            ticket.ticketNumber, ticket.id, ticket.title, ticket.category, ticket.status.rawValue, ticket.priority.rawValue,
            ticket.customerName, ticket.customerEmail, ticket.assigneeName ?? "", String(ticket.lastSeq),
            time(ticket.createdAt), time(ticket.updatedAt), time(ticket.sla.firstRespondedAt), time(ticket.slaDeadline),
            time(ticket.resolvedAt), time(ticket.closedAt), ticket.rating.map { String($0.score) } ?? "", ticket.rating?.comment ?? "",
        ]
        return line(cells)
    }

    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    private static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
