import Ingest
import Testing

@testable import Signals

/// `not: <expression>` holds exactly when the expression finds nothing in the unit: in `all`,
/// in `unless`, in `any`, beside `near` (left out of the distance test); the rule index never
/// keys a rule on it, the sieve stays conservative and `lexicon explain` shows its node.
@Suite struct NotOperatorTests {
  static let lexicon = pack(
    rules: """
        - id: not.plain
          title: 有跑分无演示
          match: {all: [跑分, {not: 演示}]}
          clauses: [interp2019.art11.4]
        - id: not.unless
          title: 停机口径，除非背后藏着查封
          match: 系统升级
          unless: {all: [问起来, {not: {any: [查封, 被封]}}]}
          clauses: [interp2019.art11.4]
        - id: not.any
          title: 码商有担保或无押金
          match: {all: [码商, {any: [担保, {not: 押金}]}]}
          clauses: [interp2019.art11.4]
        - id: not.near
          title: 后台控制输赢，非演示
          match: {all: [后台, 控制输赢, {not: 演示}], near: 4}
          clauses: [interp2019.art11.4]
      """)

  static func scanner() throws -> SignalScanner { SignalScanner(lexicon: try TestLexicon.set(lexicon)) }

  @Test func allWithANotItemHoldsOnlyWithoutTheItem() throws {
    let scanner = try Self.scanner()
    let signal = try #require(scanner.signal(of: "not.plain", inLine: "今晚帮我跑分"))
    #expect(signal.matched.map(\.text) == ["跑分"])
    #expect(signal.why == "all(「跑分」, not(「演示」)) · no negation cue")
    #expect(scanner.signal(of: "not.plain", inLine: "跑分只是演示给你看") == nil)
    // The absent item is looked for in the whole unit: a negated 演示 is still there.
    #expect(scanner.signal(of: "not.plain", inLine: "这不是演示，真跑分") == nil)
  }

  @Test func notInsideUnlessKeepsTheHitWhenTheStoryHidesSomething() throws {
    let scanner = try Self.scanner()
    let dropped = try #require(scanner.signal(of: "not.unless", inLine: "问起来就说是系统升级"))
    #expect(dropped.suppressedReason == "unless all(「问起来」, not(any(「查封」, 「被封」)))")
    let kept = try #require(scanner.signal(of: "not.unless", inLine: "问起来就说是系统升级，网站被封了的事别提"))
    #expect(kept.suppressedReason == nil)
  }

  @Test func notInsideAnyHoldsWhenItsItemIsAbsent() throws {
    let scanner = try Self.scanner()
    #expect(scanner.signal(of: "not.any", inLine: "码商有担保")?.matched.map(\.text) == ["码商", "担保"])
    let bare = try #require(scanner.signal(of: "not.any", inLine: "找个码商"))
    #expect(bare.matched.map(\.text) == ["码商"])
    #expect(bare.why == "all(「码商」, any not(「押金」)) · no negation cue")
    #expect(scanner.signal(of: "not.any", inLine: "码商要先交押金") == nil)
    #expect(scanner.signal(of: "not.any", inLine: "码商要交押金，有担保")?.matched.map(\.text) == ["码商", "担保"])
  }

  @Test func aNotItemIsLeftOutOfTheNearDistanceTest() throws {
    let scanner = try Self.scanner()
    let signal = try #require(scanner.signal(of: "not.near", inLine: "后台能控制输赢"))
    #expect(signal.matched.map(\.text) == ["后台", "控制输赢"])
    #expect(signal.why == "all(「后台」, 「控制输赢」, not(「演示」)) near≤4 · no negation cue")
    #expect(scanner.signal(of: "not.near", inLine: "后台能控制输赢，这是演示") == nil)
    #expect(scanner.signal(of: "not.near", inLine: "后台的页面我们下周再改，客户要控制输赢") == nil)
  }

  @Test func theRuleIndexNeverKeysARuleOnANotItem() throws {
    let compiled = CompiledLexicon(try TestLexicon.set(Self.lexicon))
    for phrase in ["演示", "押金", "查封", "被封"] {
      let id = try #require(compiled.patterns.firstIndex(of: phrase))
      #expect(compiled.rulesByPattern[id].isEmpty)
    }
    #expect(compiled.unconditionalRules.isEmpty)
  }

  /// The scan (rule index, presence test, sieve) gives the same signal as evaluating every rule
  /// on every line directly, and the sieve passes every line with a signal.
  @Test func theSieveAndTheIndexStayConservativeForRulesUsingNot() throws {
    let scanner = try Self.scanner()
    let sieve = try #require(scanner.unitSieve(radius: 0, minimumUnits: 0))
    let test = sieve.test()
    let lines = [
      "今晚帮我跑分", "跑分只是演示给你看", "这不是演示，真跑分", "问起来就说是系统升级", "问起来就说是系统升级，网站被封了的事别提",
      "系统升级完成", "码商有担保", "找个码商", "码商要先交押金", "码商要交押金，有担保", "后台能控制输赢", "后台能控制输赢，这是演示",
      "演示", "押金退了", "查封", "明天开会", "后台控制输赢演示跑分码商押金系统升级问起来被封",
    ]
    var fired = 0
    for line in lines {
      for rule in ["not.plain", "not.unless", "not.any", "not.near"] {
        let direct = try #require(scanner.explain(rule: rule, text: line)).signal
        let scanned = scanner.signal(of: rule, inLine: line)
        #expect(direct?.matched == scanned?.matched, "\(rule) on \(line)")
        #expect(direct?.why == scanned?.why, "\(rule) on \(line)")
        #expect(direct?.suppressedReason == scanned?.suppressedReason, "\(rule) on \(line)")
        guard direct != nil else { continue }
        fired += 1
        var body = line
        #expect(body.withUTF8 { test($0) }, "sieve drops \(line)")
      }
    }
    #expect(fired >= 9)
  }

  @Test func explainShowsTheNotNodeWithItsResult() throws {
    let scanner = try Self.scanner()
    let held = try #require(scanner.explain(rule: "not.plain", text: "今晚帮我跑分"))
    #expect(held.render() == """
      rule not.plain on “今晚帮我跑分”
      ✔ all  「跑分」@4
        ✔ 「跑分」  「跑分」@4
        ✔ not (holds when the item finds nothing)
          ✘ 「演示」
      occurrences:
        「跑分」@4 no negation cue
      result: fires · all(「跑分」, not(「演示」)) · no negation cue
      """)
    let failed = try #require(scanner.explain(rule: "not.plain", text: "跑分只是演示"))
    #expect(failed.tree.children.map(\.matched) == [true, false])
    #expect(failed.tree.children[1].children.first?.parts.map(\.text) == ["演示"])
    #expect(failed.render().hasSuffix("result: no signal"))
  }
}
