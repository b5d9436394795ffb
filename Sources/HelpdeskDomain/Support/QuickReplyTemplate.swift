/// The placeholders a quick reply's text may use, and filling them in for a ticket and an agent.
public enum QuickReplyTemplate {
    /// Placeholder name → what it stands for.
    public static let placeholders: [(name: String, value: @Sendable (Ticket, User) -> String)] = [
        ("customer.name", { ticket, _ in ticket.customerName }),
        ("customer.firstName", { ticket, _ in firstName(ticket.customerName) }),
        ("customer.email", { ticket, _ in ticket.customerEmail }),
        ("ticket.number", { ticket, _ in ticket.ticketNumber }),
        ("ticket.title", { ticket, _ in ticket.title }),
        ("agent.name", { _, agent in agent.name }),
        ("agent.firstName", { _, agent in firstName(agent.name) }),
    ]

    /// The names written as `{{name}}` in `text`, in order, spaces inside the braces ignored.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// Throws naming the first placeholder that is not one of `placeholders`.
    public static func check(_ text: String) throws {
        let known = Set(placeholders.map(\.name))
        if let unknown = names(in: text).first(where: { !known.contains($0) }) {
            let list = placeholders.map { "{{\($0.name)}}" }.joined(separator: ", ")
            throw HelpdeskError.invalidField("text", "{{\(unknown)}} is not a placeholder; use \(list)")
        }
    }

    /// `text` with each known placeholder replaced by its value for `ticket` and `agent`.
    public static func expand(_ text: String, ticket: Ticket, agent: User) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            result += rest[..<open.lowerBound]
            if let placeholder = placeholders.first(where: { $0.name == name }) {
                result += placeholder.value(ticket, agent)
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private static func firstName(_ name: String) -> String {
        String(name.split(separator: " ").first ?? Substring(name))
    }
}
