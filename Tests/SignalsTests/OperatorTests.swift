import Testing

@testable import Signals

@Suite struct OperatorTests {
  static let lexicon = pack(
    terms: """
        backend: [后台, 管理端, 总后台]
        control: [控制输赢, 改输赢, 控盘]
        coin: [usdt, 泰达币]
      """,
    rules: """
        - id: op.win-control
          title: 要求后台控制输赢
          match:
            all:
              - any: [$backend]
              - any: [$control]
            near: 12
          unless: {any: [演示, 测试数据]}
          clauses: [interp2019.art11.4]
        - id: op.ordered
          title: 先转账后截图
          match:
            all: [转账, 截图]
            near: {within: 5, ordered: true}
          clauses: [interp2019.art11.4]
        - id: op.longest
          title: 控制
          match: {any: [控制, 控制输赢]}
          clauses: [interp2019.art11.4]
        - id: op.coin
          title: 币
          match: $coin
          clauses: [interp2019.art11.4]
        - id: op.all-plain
          title: 无距离
          match: {all: [退款, 拉黑]}
          clauses: [interp2019.art11.4]
        - id: op.dense
          title: 密集
          allow_short: true
          match:
            all: [甲, 乙, 丙, 丁]
            near: 1
          clauses: [interp2019.art11.4]
      """)

  private func scanner() throws -> SignalScanner { SignalScanner(lexicon: try TestLexicon.set(Self.lexicon)) }

  private func fired(_ rule: String, _ text: String) throws -> Signal? {
    try scanner().scan(line: text).first { $0.ruleID == rule }
  }

  @Test func nearKeepsCloseOccurrences() throws {
    let signal = try #require(try fired("op.win-control", "后台要能控制输赢，想让谁赢就让谁赢"))
    #expect(signal.suppressedReason == nil)
    #expect(signal.matched.map(\.text) == ["后台", "控制输赢"])
    #expect(signal.why == "all(any $backend「后台」, any $control「控制输赢」) near≤12 · no negation cue")
  }

  @Test func nearRejectsDistantOccurrences() throws {
    #expect(try fired("op.win-control", "后台的事情我们明天再详细谈一谈吧好不好呢，控制输赢") == nil)
  }

  @Test func nearChoosesTheClosestCombination() throws {
    let signal = try #require(try fired("op.win-control", "后台做了很多年了，我们要的是管理端控制输赢"))
    #expect(signal.matched.map(\.text) == ["管理端", "控制输赢"])
    #expect(signal.matched.map(\.start) == [14, 17])
  }

  @Test func nearSearchPrunesWideCombinations() throws {
    let spread = String(repeating: "甲。。。。。乙。。。。。丙。。。。。丁。。。。。", count: 20)
    let signal = try #require(try fired("op.dense", spread + "甲乙丙丁"))
    #expect(signal.matched.map(\.start) == [480, 481, 482, 483])
  }

  @Test func orderedNearKeepsTheListedOrder() throws {
    let signal = try #require(try fired("op.ordered", "转账以后截图发我"))
    #expect(signal.why == "all(「转账」, 「截图」) near≤5 ordered · no negation cue")
    #expect(try fired("op.ordered", "截图以后转账") == nil)
  }

  @Test func allWithoutNearNeedsEveryItemAnywhere() throws {
    #expect(try fired("op.all-plain", "先退款，等了三天以后再把他拉黑") != nil)
    #expect(try fired("op.all-plain", "先退款") == nil)
  }

  @Test func termsMatchLongestFirstWithoutOverlap() throws {
    let signal = try #require(try fired("op.longest", "要控制输赢"))
    #expect(signal.matched.map(\.term) == ["控制输赢"])
  }

  @Test func matchedPartsPointAtTheOriginalText() throws {
    let signal = try #require(try fired("op.coin", "付\u{200B}款用ＵＳＤＴ吧"))
    #expect(signal.matched == [MatchedPart(term: "usdt", text: "ＵＳＤＴ", start: 4, end: 8)])
  }

  @Test func unlessSuppressesTheUnit() throws {
    let signal = try #require(try fired("op.win-control", "演示版后台可以控制输赢"))
    #expect(signal.suppressedReason == "unless any 「演示」")
  }

  @Test func unitsWithoutCandidatesProduceNothing() throws {
    #expect(try scanner().scan(line: "今天天气不错，我们去吃饭吧").isEmpty)
  }

  @Test func signalsAreSortedByLineThenRule() throws {
    let document = EvidenceDocumentFixture.lines(["控制输赢", "后台控制输赢", "付usdt"])
    let signals = try scanner().scan(document, subjects: [])
    #expect(signals.map { "\($0.line) \($0.ruleID)" } == [
      "1 op.longest", "2 op.longest", "2 op.win-control", "3 op.coin",
    ])
  }
}
