import HelpdeskDomain

/// Sample accounts and tickets so a newcomer can try the desk at once.
public enum DemoData {
    /// A demo account's sign-in details.
    public struct Account: Sendable {
        public var email: String
        public var password: String
        public var role: Role
    }

    public static let accounts = [
        Account(email: "admin@demo.helpdesk", password: "demo-admin-pass", role: .admin),
        Account(email: "agent@demo.helpdesk", password: "demo-agent-pass", role: .agent),
        Account(email: "customer@demo.helpdesk", password: "demo-customer-pass", role: .customer),
    ]

    /// Creates the demo accounts and a few tickets unless they exist; returns the accounts to print.
    public static func seed(_ helpdesk: Helpdesk) async throws -> [Account] {
        let names: [Role: String] = [.admin: "Dana Admin", .agent: "Sami Agent", .customer: "Layla Customer"]
        var created: [Role: User] = [:]
        for account in accounts {
            do {
                created[account.role] = try await helpdesk.accounts.provision(
                    email: account.email, name: names[account.role]!, role: account.role, password: account.password
                )
            } catch HelpdeskError.conflict {
                return accounts
            }
        }
        guard let customer = created[.customer], let agent = created[.agent] else { return accounts }
        let printer = try await helpdesk.tickets.open(
            NewTicket(title: "The printer invoice was charged twice", category: "billing", priority: .high,
                      content: "My card shows two charges for order 1042. Can you refund one?"),
            as: customer
        )
        _ = try await helpdesk.tickets.reply(
            to: printer.ticket.id, content: "Sorry about that! I am checking with billing now.", as: agent
        )
        _ = try await helpdesk.tickets.update(printer.ticket.id, with: TicketPatch(assignee: .assign(agent.id)), as: agent)
        _ = try await helpdesk.tickets.open(
            NewTicket(title: "لا أستطيع تسجيل الدخول إلى حسابي", category: "account", priority: .urgent,
                      content: "تظهر رسالة خطأ عند إدخال كلمة المرور الصحيحة."),
            as: customer
        )
        _ = try await helpdesk.tickets.open(
            NewTicket(title: "How do I export my data?", category: "general", priority: .low,
                      content: "Is there a way to download all my past tickets?"),
            as: customer
        )
        return accounts
    }
}
