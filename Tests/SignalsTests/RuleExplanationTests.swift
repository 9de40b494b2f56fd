import Testing

@testable import Signals

@Suite struct RuleExplanationTests {
  private func scanner() throws -> SignalScanner { SignalScanner(lexicon: try TestLexicon.set(OperatorTests.lexicon)) }

  @Test func explainsAFiringRuleNodeByNode() throws {
    let explanation = try #require(try scanner().explain(rule: "op.win-control", text: "后台要能控制输赢"))
    #expect(explanation.tree.label == "all near≤12")
    #expect(explanation.tree.matched)
    #expect(explanation.tree.children.map(\.label) == ["any", "any"])
    #expect(explanation.tree.children.flatMap(\.children).map(\.label) == ["$backend", "$control"])
    #expect(explanation.unless?.matched == false)
    #expect(explanation.occurrences.map(\.verdict) == [.affirmed, .affirmed])
    #expect(explanation.signal?.suppressedReason == nil)
    #expect(explanation.render() == """
      rule op.win-control on “后台要能控制输赢”
      ✔ all near≤12  「后台」@0 「控制输赢」@4
        ✔ any  「后台」@0
          ✔ $backend  「后台」@0
        ✔ any  「控制输赢」@4
          ✔ $control  「控制输赢」@4
      unless:
        ✘ any
          ✘ 「演示」
          ✘ 「测试数据」
      occurrences:
        「后台」@0 no negation cue
        「控制输赢」@4 no negation cue
      result: fires · all(any $backend「后台」, any $control「控制输赢」) near≤12 · no negation cue
      """)
  }

  @Test func explainsWhyNothingFired() throws {
    let explanation = try #require(try scanner().explain(rule: "op.win-control", text: "ＵＳＤＴ不能控制输赢"))
    #expect(!explanation.tree.matched)
    #expect(explanation.tree.children.map(\.matched) == [false, true])
    #expect(explanation.normalizedText == "usdt不能控制输赢")
    #expect(explanation.occurrences.map(\.verdict) == [.negated(cue: "不能")])
    #expect(explanation.render().hasSuffix("result: no signal"))
  }

  @Test func unknownRulesHaveNoExplanation() throws {
    #expect(try scanner().explain(rule: "no.such-rule", text: "x") == nil)
  }
}
