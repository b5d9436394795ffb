import Foundation
import ServiceLifecycle
import SocketIOServer
import Synchronization

/// Remembers who is typing where, and announces `isTyping: false` for anyone silent for `expiry`.
final class TypingTracker: Service {
    /// One person typing in one ticket.
    struct Typist: Hashable, Sendable {
        var ticketId: String
        var userId: String
        var userName: String
    }

    private let namespace: SocketIONamespace
    private let expiry: Duration
    private let deadlines = Mutex<[Typist: ContinuousClock.Instant]>([:])

    init(namespace: SocketIONamespace, expiry: Duration = .seconds(5)) {
        self.namespace = namespace
        self.expiry = expiry
    }

    func update(_ typist: Typist, isTyping: Bool) {
        deadlines.withLock { $0[typist] = isTyping ? ContinuousClock.now + expiry : nil }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                self.expire(now: ContinuousClock.now)
            }
        }
    }

    private func expire(now: ContinuousClock.Instant) {
        let expired = deadlines.withLock { deadlines -> [Typist] in
            let gone = deadlines.filter { $0.value <= now }.map(\.key)
            for typist in gone { deadlines[typist] = nil }
            return gone
        }
        for typist in expired {
            namespace.to(TicketRooms.ticket(typist.ticketId)).except(TicketRooms.user(typist.userId)).emit("typing_indicator", [[
                "ticketId": .string(typist.ticketId), "senderId": .string(typist.userId),
                "senderName": .string(typist.userName), "isTyping": false,
            ]])
        }
    }
}
