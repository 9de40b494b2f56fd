import Ingest
import Signals
import Testing

@testable import Report

/// The clause tally numbers rules and clauses as it meets them; what it counts is still each
/// finding's own clauses, and each (document, rule) pair's weight once per clause.
@Suite struct ClauseTallyTests {
  private static func finding(
    _ id: String, rule: String = "rule.a", path: String = "a.txt", clauses: [String], weight: Double = 0.5
  ) -> Finding {
    Finding(
      id: id, rule: rule, title: id, level: .high, path: path, unitIndex: 0, line: 1, endLine: 1, excerpt: "",
      parts: [], polarity: .inculpatory, clauses: clauses, weight: weight, why: "")
  }

  private static func summaries(_ findings: [Finding]) -> [String: ClauseSummary] {
    Dictionary(
      uniqueKeysWithValues: ClauseSummarizer.summaries(of: findings, catalogue: ClauseCatalogue(entries: [])).map {
        ($0.id, $0)
      })
  }

  @Test func aRuleWhoseFindingsCiteOtherClausesCountsEachFindingsOwn() {
    let summaries = Self.summaries([
      Self.finding("f1", clauses: ["crimlaw.25"]),
      Self.finding("f2", clauses: ["crimlaw.25", "crimlaw.266", "crimlaw.25"]),
      Self.finding("f3", clauses: ["crimlaw.266"]),
    ])
    #expect(summaries["crimlaw.25"]?.findings == 2)
    #expect(summaries["crimlaw.266"]?.findings == 2)
    #expect(summaries["crimlaw.25"]?.firstFindingID == "f1")
    #expect(summaries["crimlaw.266"]?.firstFindingID == "f2")
  }

  @Test func eachDocumentAndRuleWeighsOncePerClause() {
    let summaries = Self.summaries([
      Self.finding("f1", clauses: ["crimlaw.25"], weight: 0.5),
      Self.finding("f2", clauses: ["crimlaw.25"], weight: 0.5),
      Self.finding("f3", rule: "rule.b", clauses: ["crimlaw.25"], weight: 0.2),
      Self.finding("f4", path: "b.txt", clauses: ["crimlaw.25"], weight: 0.5),
    ])
    // Pairs (a, rule.a), (a, rule.b), (b, rule.a): 1 - 0.5 × 0.8 × 0.5.
    #expect(summaries["crimlaw.25"]?.findings == 4)
    #expect(summaries["crimlaw.25"]?.score == 0.8)
  }

  @Test func talliesOfWholeDocumentsMergedInOrderGiveTheSummariesOfOneTally() {
    let findings = [
      Self.finding("f1", clauses: ["crimlaw.25"], weight: 0.3),
      Self.finding("f2", rule: "rule.b", clauses: ["crimlaw.266", "crimlaw.25"], weight: 0.6),
      Self.finding("f3", path: "b.txt", clauses: ["crimlaw.266"], weight: 0.3),
      Self.finding("f4", rule: "rule.c", path: "c.txt", clauses: ["interp2019.art11.4"], weight: 0.9),
    ]
    var merged = ClauseTally()
    for document in ["a.txt", "b.txt", "c.txt"] {
      var tally = ClauseTally()
      for finding in findings where finding.path == document { tally.add(finding) }
      merged.merge(tally)
    }
    let catalogue = ClauseCatalogue(entries: [])
    #expect(merged.summaries(catalogue: catalogue) == ClauseSummarizer.summaries(of: findings, catalogue: catalogue))
  }
}
