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

  /// The order in which reservations were admitted.
  final class Order: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var names: [String] = []

    func append(_ name: String) {
      lock.lock()
      names.append(name)
      lock.unlock()
    }
  }

  @Test func aLargeReadIsNotOvertakenBySmallOnesAskedForAfterIt() {
    let budget = WholeReadBudget(capacity: 128)
    let order = Order()
    let done = DispatchGroup()
    let releaseFirst = DispatchSemaphore(value: 0)
    func start(_ name: String, _ bytes: Int, hold: DispatchSemaphore? = nil) {
      done.enter()
      Thread {
        budget.whileReserving(bytes) {
          order.append(name)
          hold?.wait()
        }
        done.leave()
      }.start()
    }
    start("small first", 10, hold: releaseFirst)
    while order.names.isEmpty { usleep(1_000) }
    start("large", 300)
    while budget.waiting < 1 { usleep(1_000) }
    start("small after", 10)
    while budget.waiting < 2 { usleep(1_000) }
    releaseFirst.signal()
    done.wait()
    #expect(order.names == ["small first", "large", "small after"])
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
