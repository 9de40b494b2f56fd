import Testing

@testable import Signals

/// A rule whose `match` is an `all` is indexed under one of its items (any will do, as each is
/// needed): the one whose phrases messages are expected to hold least often, so that everyday
/// messages holding only a common word of the rule do not go on to its presence test.
@Suite struct RuleIndexChoiceTests {
  static let lexicon = pack(
    rules: """
        - id: idx.card
          title: 收卡
          match:
            all:
              - any: [收, 出, 卖]
              - any: [银行卡, 四件套, 手机卡, 对公户]
          clauses: [interp2019.art11.4]
        - id: idx.records
          title: 删记录
          match:
            all:
              - any: [记录, 聊天]
              - any: [删掉, 清空, 删除]
              - any: [以防万一, 被查]
          clauses: [interp2019.art11.4]
      """)

  /// The phrases `rule` is indexed under.
  static func indexPhrases(_ compiled: CompiledLexicon, _ rule: String) throws -> Set<String> {
    let index = try #require(compiled.rules.firstIndex { $0.rule.id == rule })
    return Set(compiled.patterns.indices.filter { compiled.rulesByPattern[$0].contains(index) }.map { compiled.patterns[$0] })
  }

  @Test func anAllIsIndexedUnderItsLeastCommonItem() throws {
    let compiled = CompiledLexicon(try TestLexicon.set(Self.lexicon))
    // Three one-character verbs are expected in more messages than four two- and three-character objects.
    #expect(try Self.indexPhrases(compiled, "idx.card") == ["银行卡", "四件套", "手机卡", "对公户"])
    // Two two-character words (20) before three (30); the four-character reasons (5) before both.
    #expect(try Self.indexPhrases(compiled, "idx.records") == ["以防万一", "被查"])
  }

  @Test func theRuleStillFiresWhicheverItemIndexesIt() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    #expect(scanner.signal(of: "idx.card", inLine: "长期收银行卡，价格好说") != nil)
    #expect(scanner.signal(of: "idx.card", inLine: "银行卡我收到了") != nil)
    #expect(scanner.signal(of: "idx.card", inLine: "收到，谢谢") == nil)
    #expect(scanner.signal(of: "idx.records", inLine: "聊天记录都删掉，以防万一") != nil)
    #expect(scanner.signal(of: "idx.records", inLine: "聊天记录都删掉了") == nil)
  }
}
