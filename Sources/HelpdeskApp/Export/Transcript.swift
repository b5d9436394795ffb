import Foundation
import HelpdeskDomain

/// A ticket's conversation to keep or send on: plain text, or an HTML page whose every piece of
/// user text is escaped.
enum Transcript {
    static func text(_ exported: ExportedTicket) -> String {
        let ticket = exported.ticket
        var lines = [
            "\(ticket.ticketNumber) — \(ticket.title)",
            "Customer: \(ticket.customerName) <\(ticket.customerEmail)>",
            "Status: \(ticket.status.rawValue) · Priority: \(ticket.priority.rawValue) · Category: \(ticket.category) · Assignee: \(ticket.assigneeName ?? "none")",
            "Opened: \(WireTimestamp.string(ticket.createdAt))",
        ]
        if let rating = ticket.rating { lines.append("Rating: \(rating.score) of 5\(rating.comment.isEmpty ? "" : " — \(rating.comment)")") }
        for message in exported.messages {
            lines.append("")
            lines.append("[\(WireTimestamp.string(message.createdAt))] \(message.senderName) (\(message.sender.rawValue)):")
            lines.append(contentsOf: message.content.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
            for attachment in message.attachments { lines.append("  [attachment] \(attachment.name) \(attachment.url)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func html(_ exported: ExportedTicket) -> String {
        let ticket = exported.ticket
        let facts = [
            ("Customer", "\(ticket.customerName) <\(ticket.customerEmail)>"), ("Status", ticket.status.rawValue),
            ("Priority", ticket.priority.rawValue), ("Category", ticket.category), ("Assignee", ticket.assigneeName ?? "none"),
            ("Opened", WireTimestamp.string(ticket.createdAt)),
        ] + (ticket.rating.map { [("Rating", "\($0.score) of 5" + ($0.comment.isEmpty ? "" : " — \($0.comment)"))] } ?? [])
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(ticket.ticketNumber)) — \(escape(ticket.title))</title></head>
            <body>
            <h1 dir="auto">\(escape(ticket.ticketNumber)) — \(escape(ticket.title))</h1>
            <dl>
            """
        for (name, value) in facts { page += "<dt>\(name)</dt><dd dir=\"auto\">\(escape(value))</dd>\n" }
        page += "</dl>\n<ol>\n"
        for message in exported.messages {
            page += """
                <li class="\(message.sender.rawValue)"><p><strong dir="auto">\(escape(message.senderName))</strong> \
                (\(message.sender.rawValue)) <time datetime="\(WireTimestamp.string(message.createdAt))">\(WireTimestamp.string(message.createdAt))</time></p>
                <p dir="auto" style="white-space: pre-wrap">\(escape(message.content))</p>
                """
            for attachment in message.attachments {
                page += "<p><a href=\"\(escape(attachment.url))\">\(escape(attachment.name))</a></p>"
            }
            page += "</li>\n"
        }
        return page + "</ol>\n</body></html>\n"
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
