import Foundation
@testable import HelpdeskApp
import Testing

@Suite struct SlaAlertQueueTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func ticketsComeOutInTimeOrderOnceEachAndOnlyWhenDue() {
        var queue = SlaAlertQueue()
        queue.schedule("b", at: start.addingTimeInterval(20))
        queue.schedule("a", at: start.addingTimeInterval(10))
        queue.schedule("c", at: start.addingTimeInterval(30))
        #expect(queue.earliest() == start.addingTimeInterval(10))
        #expect(queue.takeDue(by: start.addingTimeInterval(5)) == [])
        #expect(queue.takeDue(by: start.addingTimeInterval(25)) == ["a", "b"])
        #expect(queue.takeDue(by: start.addingTimeInterval(25)) == [])
        #expect(queue.earliest() == start.addingTimeInterval(30))
    }

    @Test func reschedulingReplacesTheEarlierTimeAndNilClearsIt() {
        var queue = SlaAlertQueue()
        queue.schedule("a", at: start.addingTimeInterval(10))
        queue.schedule("b", at: start.addingTimeInterval(20))
        queue.schedule("a", at: start.addingTimeInterval(40))
        queue.schedule("b", at: nil)
        #expect(queue.earliest() == start.addingTimeInterval(40))
        #expect(queue.takeDue(by: start.addingTimeInterval(35)) == [])
        #expect(queue.takeDue(by: start.addingTimeInterval(40)) == ["a"])
        #expect(queue.earliest() == nil)
    }

    @Test func manyTicketsStayOrdered() {
        var queue = SlaAlertQueue()
        let times = (0..<500).map { Double(($0 * 7_919) % 1_000) + Double($0) / 1_000 }
        for (index, offset) in times.enumerated() { queue.schedule("t\(index)", at: start.addingTimeInterval(offset)) }
        let due = queue.takeDue(by: start.addingTimeInterval(1000))
        #expect(due.count == 500)
        let order = due.map { times[Int($0.dropFirst())!] }
        #expect(order == order.sorted())
    }
}
