import Foundation
import Testing

@testable import Ingest

/// Whole reads wait for each other when together they would pass the budget.
@Suite struct WholeReadBudgetTests {
  /// The total reserved at one time, and the largest it reached.
  final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var held = 0
    private(set) var largest = 0

    func add(_ bytes: Int) {
      lock.lock()
      held += bytes
      largest = max(largest, held)
      lock.unlock()
    }
  }

  /// Runs `sizes` reservations at once, each holding its reservation a few milliseconds, and
  /// returns the largest total held at one time.
  static func largestTotal(capacity: Int, sizes: [Int]) -> Int {
    let budget = WholeReadBudget(capacity: capacity)
    let tally = Tally()
    DispatchQueue.concurrentPerform(iterations: sizes.count) { index in
      budget.whileReserving(sizes[index]) {
        tally.add(sizes[index])
        usleep(20_000)
        tally.add(-sizes[index])
      }
    }
    return tally.largest
  }

  @Test func largeReadsWaitForEachOther() {
    #expect(Self.largestTotal(capacity: 128, sizes: [100, 100, 100, 100]) == 100)
  }

  @Test func aReadAboveTheCapacityRunsAlone() {
    #expect(Self.largestTotal(capacity: 128, sizes: [300, 10, 300, 10]) == 300)
  }

  @Test func readsThatFitTogetherDoNotWait() {
    let budget = WholeReadBudget(capacity: 128)
    budget.whileReserving(100) {
      let done = DispatchSemaphore(value: 0)
      Thread {
        budget.whileReserving(20) {}
        budget.whileReserving(0) {}
        done.signal()
      }.start()
      #expect(done.wait(timeout: .now() + 10) == .success)
    }
  }
}
