import Signals
import Testing

@testable import Report

/// What the spill keeps of each finding as it gathers it gives the results of keeping them all:
/// the amounts (`AmountFindings`) and the HTML report's places (`FindingQuota`).
@Suite struct SpillGatherTests {
  /// Active inculpatory findings of several rules on units that share a line, on two pages,
  /// with `money` operator amounts on the first and on later findings of a unit, and a unit whose
  /// later finding's excerpt writes an amount its first finding's does not.
  static let inculpatory: [Finding] = [
    AmountTotalsTests.finding("f-1", unit: 0, excerpt: "整套两万包上线", rule: "a"),
    AmountTotalsTests.finding(
      "f-2", unit: 0, excerpt: "整套两万包上线", rule: "b", values: ["amountFen": "2000000", "currency": "USDT"]),
    AmountTotalsTests.finding("f-3", unit: 1, excerpt: "你好", rule: "a"),
    AmountTotalsTests.finding("f-4", unit: 1, excerpt: "押金三千元", rule: "b"),
    AmountTotalsTests.finding("f-5", unit: 0, excerpt: "整套两万包上线", rule: "c", values: ["amountFen": "500000"]),
    AmountTotalsTests.finding("f-6", unit: 2, excerpt: "五千元", rule: "a", values: ["amountFen": "500000"]),
    AmountTotalsTests.finding("f-7", unit: 1, excerpt: "押金三千元", rule: "c", values: ["amountFen": "x"]),
    AmountTotalsTests.finding("f-8", unit: 2, excerpt: "五千元", rule: "b", values: ["price": "500000"]),
  ] + [3, 4].map { page in
    var finding = AmountTotalsTests.finding("f-p\(page)", unit: 3, excerpt: "一百块", rule: "a")
    finding.page = page
    return finding
  }

  @Test func theAmountsOfTheKeptFindingsAreThoseOfThemAll() {
    var amounts = AmountFindings()
    for finding in Self.inculpatory { amounts.add(finding) }
    #expect(amounts.kept.map(\.id) == ["f-1", "f-2", "f-3", "f-5", "f-6", "f-7", "f-p3", "f-p4"])
    let all = AmountEntry.entries(of: Self.inculpatory)
    #expect(all.count >= 5)
    #expect(AmountEntry.entries(of: amounts.kept) == all)
  }

  @Test func aFindingTakesAPlaceInEachDistinctGroupWithRoom() {
    var quota = FindingQuota(limit: 2)
    let offered: [(suppressed: Bool, clauses: [String])] = [
      (false, ["c1", "c1", "c2"]), (false, ["c1"]), (false, ["c1"]), (false, ["c2", "c3"]), (false, ["c2"]),
      (false, []), (false, []), (false, []), (true, ["c1"]), (true, []), (true, ["c9"]), (false, ["c3", "c3"]),
    ]
    #expect(offered.map { quota.admit(suppressed: $0.suppressed, clauses: $0.clauses) } == [
      true, true, false, true, false, true, true, false, true, true, false, true,
    ])
    var whole = FindingQuota(limit: 2)
    var parts = FindingQuota(limit: 2)
    for (index, entry) in offered.enumerated() {
      let finding = AmountTotalsTests.finding(
        "f-\(index)", unit: index, excerpt: "", reason: entry.suppressed ? "negated" : nil)
      var cited = finding
      cited.clauses = entry.clauses
      #expect(whole.admit(cited) == parts.admit(suppressed: entry.suppressed, clauses: entry.clauses))
    }
    var open = FindingQuota(limit: 0)
    #expect(offered.allSatisfy { open.admit(suppressed: $0.suppressed, clauses: $0.clauses) })
  }
}
