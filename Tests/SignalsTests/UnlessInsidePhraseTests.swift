import Testing

@testable import Signals

/// An `unless` word that lies inside a longer phrase of the rule's own `match` is part of that
/// phrase, not a mention of its own: it never suppresses the phrase. The same word written
/// elsewhere in the unit still does.
@Suite struct UnlessInsidePhraseTests {
  static let lexicon = pack(
    terms: """
        wipe: [恢复出厂, 刷机, 清空]
        accident: [恢复, 误删]
        fake_feed: [不接真实行情, 不接交易所]
        refuse: [不接, 不做]
      """,
    rules: """
        - id: unless.wipe
          title: 清除手机数据
          match: {any: [$wipe]}
          unless: {any: [$accident]}
          clauses: [interp2019.art11.4]
        - id: unless.fake-feed
          title: 行情不接真实交易所
          match: {any: [$fake_feed]}
          unless: {any: [$refuse]}
          clauses: [interp2019.art11.4]
        - id: unless.regex
          title: 正则短语
          match: {any: [{re: '跑分车队[0-9]+号'}]}
          unless: {any: [车队]}
          clauses: [interp2019.art11.4]
      """)

  private func scanner() throws -> SignalScanner { SignalScanner(lexicon: try TestLexicon.set(Self.lexicon)) }

  private func fired(_ rule: String, _ text: String) throws -> Signal? {
    try scanner().scan(line: text).first { $0.ruleID == rule }
  }

  @Test(arguments: [
    ("unless.wipe", "手机昨晚恢复出厂了，什么都没留"),
    ("unless.fake-feed", "平台不接真实行情，K线后台自己画"),
    ("unless.fake-feed", "数据源不接交易所，价格我们定"),
    ("unless.regex", "今晚跑分车队3号上线"),
  ])
  func aWordInsideTheMatchedPhraseDoesNotSuppressIt(rule: String, text: String) throws {
    let signal = try #require(try fired(rule, text))
    #expect(signal.suppressedReason == nil)
  }

  @Test(arguments: [
    ("unless.wipe", "不小心误删了，后来恢复出厂也没用"),
    ("unless.wipe", "照片能恢复吗？我刚刚刷机了"),
    ("unless.fake-feed", "不接真实行情的盘我们不做"),
    ("unless.regex", "跑分车队3号今天去车队报到"),
  ])
  func theWordWrittenOnItsOwnStillSuppresses(rule: String, text: String) throws {
    let signal = try #require(try fired(rule, text))
    #expect(signal.suppressedReason?.hasPrefix("unless") == true)
  }

  @Test func explainShowsTheInnerWordAsNoMention() throws {
    let explanation = try #require(try scanner().explain(rule: "unless.wipe", text: "手机昨晚恢复出厂了"))
    #expect(explanation.unless?.matched == false)
    #expect(explanation.signal?.suppressedReason == nil)
  }
}
