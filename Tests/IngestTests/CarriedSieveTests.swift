import Foundation
import Testing

@testable import Ingest

/// The sieve carried across pieces decides what the sieve of the whole file decides, however the
/// messages are cut into pieces, revising units of earlier pieces that a later pass reaches.
@Suite struct CarriedSieveTests {
  /// Whether each message is whole after deciding `passes` cut into pieces of `sizes` messages
  /// (the rest in a last piece) with `radius`, revisions applied, and the largest number of
  /// messages ever left open.
  static func decide(_ passes: [Bool], sizes: [Int], radius: Int) throws -> (whole: [Bool], mostOpen: Int) {
    let sieve = UnitSieve(radius: radius, minimumUnits: 0) { { $0.first == UInt8(ascii: "p") } }
    var carried = try #require(CarriedSieve(sieve, messages: passes.count))
    var whole: [Bool] = []
    var mostOpen = 0
    var start = 0
    for size in sizes + [passes.count] where start < passes.count {
      let count = min(size, passes.count - start)
      let text = passes[start..<(start + count)].map { $0 ? "p" : "-" }.joined(separator: "\n")
      let source = SourceText(text: text, path: "a.txt", encoding: .utf8, options: IngestOptions())
      let base = start
      let (decided, revised) = carried.decide(
        count, in: source, textLines: { ($0 + 1)...($0 + 1) },
        wholeUnit: { TextUnit(kind: .message, line: base + $0 + 1, text: "whole") })
      whole += decided
      for (index, unit) in revised {
        #expect(!whole[index] && unit.line == index + 1 && index >= base - radius)
        whole[index] = true
      }
      start += count
      mostOpen = max(mostOpen, whole.count - carried.settled)
    }
    return (whole, mostOpen)
  }

  @Test(arguments: [0, 1, 2, 3])
  func everyCutGivesTheWholeFilesDecision(radius: Int) throws {
    let passes = (0..<90).map { $0 % 17 == 0 || $0 % 29 == 5 || ($0 > 60 && $0 % 3 == 0) }
    let expected = UnitSieve(radius: radius, minimumUnits: 0) { { _ in false } }.wholeMessages(count: passes.count) { passes[$0] }
    for sizes in [[1], Array(repeating: 1, count: 90), [0, 2, 0, 1, 5, 3, 1, 1, 1, 7], [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], [45]] {
      let (whole, mostOpen) = try Self.decide(passes, sizes: sizes, radius: radius)
      #expect(whole == expected, "pieces \(sizes)")
      #expect(mostOpen <= radius)
    }
  }

  @Test func aFileOfAtMostMinimumUnitsIsNotSieved() {
    let sieve = UnitSieve(radius: 1, minimumUnits: 10) { { _ in false } }
    #expect(CarriedSieve(sieve, messages: 10) == nil)
    #expect(CarriedSieve(sieve, messages: 11) != nil)
    #expect(CarriedSieve(nil, messages: 11) == nil)
  }
}
