import Testing

@testable import Report

/// `MadeFinding.sortInReportOrder`, which sorts indices and then moves the findings, puts them
/// in the order a stable sort of the findings gives.
@Suite struct ReportOrderSortTests {
  /// `count` findings from a fixed pseudo-random sequence, with many ties on path, line and rule,
  /// and findings equal in everything (told apart by `keptIndex`, their place in the input).
  static func shuffled(_ count: Int, seed: UInt64) -> [MadeFinding] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<count).map { position in
      var finding = FingerprintCounterTests.finding(rule: "r.\(next(3))", path: "p\(next(2)).txt", texts: ["t\(next(2))"])
      finding.line = next(5)
      finding.endLine = finding.line + next(2)
      finding.unitIndex = finding.line
      if next(4) == 0 { finding.reason = "negated" }
      return MadeFinding(finding: finding, keptIndex: position)
    }
  }

  @Test(arguments: [0, 1, 2, 7, 100, 1_000])
  func theOrderIsThatOfAStableSort(count: Int) {
    for seed in [1, 2, 3] as [UInt64] {
      var made = Self.shuffled(count, seed: seed)
      let expected = made.sorted { FindingOrder.precedes($0.finding, $1.finding) }
      MadeFinding.sortInReportOrder(&made)
      #expect(made.map(\.keptIndex) == expected.map(\.keptIndex))
      #expect(made.map(\.finding) == expected.map(\.finding))
    }
  }
}
