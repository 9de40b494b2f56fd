import Foundation
import Testing

@testable import Ingest

@Suite struct SerialStageTests {
  /// The items a stage works on, in the order they were put, with their work done when
  /// `finish` returns, on a thread other than the one putting them.
  final class Log: @unchecked Sendable {
    var items: [Int] = []
    var onCaller = false
  }

  @Test(arguments: [1, 3])
  func worksOnEveryItemInOrderOffTheCallingThread(capacity: Int) {
    let log = Log()
    let caller = Thread.current
    let stage = SerialStage<Int>(capacity: capacity) { item in
      if item % 100 == 0 { Thread.sleep(forTimeInterval: 0.001) }
      log.items.append(item)
      if Thread.current == caller { log.onCaller = true }
    }
    for item in 0..<1_000 { stage.put(item) }
    stage.finish()
    #expect(log.items == Array(0..<1_000))
    #expect(!log.onCaller)
  }

  @Test func finishingAStageGivenNothingReturns() {
    let log = Log()
    let stage = SerialStage<Int> { log.items.append($0) }
    stage.finish()
    #expect(log.items.isEmpty)
  }
}
