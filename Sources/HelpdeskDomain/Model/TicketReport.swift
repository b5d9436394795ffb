import Foundation

/// How the desk did over a period: volume per day, the backlog now, response and resolution
/// times, SLA compliance and each agent's share.
public struct TicketReport: Sendable, Equatable {
    /// One UTC day: tickets opened, and tickets resolved.
    public struct Day: Sendable, Equatable {
        public var date: String
        public var created: Int
        public var resolved: Int

        public init(date: String, created: Int, resolved: Int) {
            self.date = date
            self.created = created
            self.resolved = resolved
        }
    }

    /// The middle and the 90th percentile of some durations.
    public struct Durations: Sendable, Equatable {
        public var count: Int
        public var median: TimeInterval?
        public var p90: TimeInterval?

        /// Nearest-rank percentiles of `values`.
        public init(_ values: [TimeInterval]) {
            let sorted = values.sorted()
            count = sorted.count
            func rank(_ share: Double) -> TimeInterval? {
                sorted.isEmpty ? nil : sorted[max(0, Int((share * Double(sorted.count)).rounded(.up)) - 1)]
            }
            median = rank(0.5)
            p90 = rank(0.9)
        }
    }

    /// Of the tickets opened in the period, how many never missed one SLA target.
    public struct Compliance: Sendable, Equatable {
        public var target: SlaAlert.Target
        public var tickets: Int
        public var breached: Int

        public init(target: SlaAlert.Target, tickets: Int, breached: Int) {
            self.target = target
            self.tickets = tickets
            self.breached = breached
        }

        /// Met / all, in percent; nil without tickets.
        public var percent: Double? {
            tickets == 0 ? nil : Double(tickets - breached) * 100 / Double(tickets)
        }
    }

    /// One agent's work: tickets assigned now (open or pending), resolved and replies in the period.
    public struct AgentLine: Sendable, Equatable {
        public var userId: String
        public var name: String
        public var assigned: Int
        public var resolved: Int
        public var replies: Int

        public init(userId: String, name: String, assigned: Int, resolved: Int, replies: Int) {
            self.userId = userId
            self.name = name
            self.assigned = assigned
            self.resolved = resolved
            self.replies = replies
        }
    }

    /// The satisfaction ratings given in the period.
    public struct Ratings: Sendable, Equatable {
        /// How many of each score, 1 to 5.
        public var distribution: [Int: Int]

        public init(distribution: [Int: Int]) {
            self.distribution = distribution
        }

        public var count: Int { distribution.values.reduce(0, +) }

        /// The mean score; nil without ratings.
        public var average: Double? {
            count == 0 ? nil : Double(distribution.map { $0.key * $0.value }.reduce(0, +)) / Double(count)
        }
    }

    public var from: Date
    public var to: Date
    public var days: [Day]
    public var backlogByStatus: [TicketStatus: Int]
    public var backlogByPriority: [TicketPriority: Int]
    public var firstResponse: Durations
    public var resolution: Durations
    public var compliance: [Compliance]
    public var agents: [AgentLine]
    public var ratings: Ratings

    public init(
        from: Date, to: Date, days: [Day], backlogByStatus: [TicketStatus: Int], backlogByPriority: [TicketPriority: Int],
        firstResponse: Durations, resolution: Durations, compliance: [Compliance], agents: [AgentLine], ratings: Ratings
    ) {
        self.from = from
        self.to = to
        self.days = days
        self.backlogByStatus = backlogByStatus
        self.backlogByPriority = backlogByPriority
        self.firstResponse = firstResponse
        self.resolution = resolution
        self.compliance = compliance
        self.agents = agents
        self.ratings = ratings
    }
}
