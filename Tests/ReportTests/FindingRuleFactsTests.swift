import Ingest
import Signals
import Testing

@testable import Report

/// A spilling scan assembles findings from what they take of their rules (`FindingRuleFacts`);
/// they must be the findings assembled from the whole rule.
@Suite struct FindingRuleFactsTests {
  private static let signal = Signal(
    ruleID: "tech.r", path: "a.txt", unitIndex: 0, line: 1, endLine: 1,
    matched: [MatchedPart(term: "后台", text: "后台", start: 0, end: 2)], why: "-")
  private static let unit = TextUnit(kind: .line, line: 1, text: "后台改一下", speaker: "甲")

  private static func rule(weight: Double) -> LexiconRule {
    LexiconRule(
      id: "tech.r", packID: "tech", title: "后台", level: .high, weight: weight, polarity: .exculpatory,
      clauses: ["crimlaw.25", "neutral.compliance"], match: .term("后台"))
  }

  @Test(arguments: [0.4, 1.5, -0.2, Double.nan, Double.infinity])
  func theFactsMakeTheFindingTheWholeRuleMakes(weight: Double) {
    let rule = Self.rule(weight: weight)
    let fromFacts = FindingAssembler.finding(from: Self.signal, rule: FindingRuleFacts(rule), unit: Self.unit)
    let fromRule = FindingAssembler.finding(from: Self.signal, rule: rule, unit: Self.unit)
    #expect(fromFacts == fromRule)
    #expect((0...1).contains(fromFacts.weight))
  }

  @Test func aSignalOfNoKnownRuleKeepsItsRuleIDAsTitle() {
    let finding = FindingAssembler.finding(from: Self.signal, rule: FindingRuleFacts?.none, unit: Self.unit)
    #expect(finding.title == "tech.r")
    #expect(finding.clauses.isEmpty)
    #expect(finding.weight == 0)
  }
}
