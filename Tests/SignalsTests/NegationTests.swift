import Testing

@testable import Signals

@Suite struct NegationTests {
  /// Rules in `flag` mode so every verdict is visible on an active signal.
  static let flagged = pack(
    rules: """
        - id: neg.owe
          title: 拖欠
          match: {any: [拖欠, 没发]}
          negation: flag
          clauses: [interp2019.art11.4]
        - id: neg.control
          title: 控制输赢
          match: 控制输赢
          negation: flag
          clauses: [interp2019.art11.4]
        - id: neg.wage
          title: 没发工资
          match: {all: [没发, 工资]}
          negation: flag
          clauses: [interp2019.art11.4]
        - id: neg.gambling
          title: 赌博
          match: {any: [赌博, 违法活动]}
          negation: flag
          clauses: [interp2019.art11.4]
        - id: neg.do
          title: 做
          allow_short: true
          match: 做
          negation: flag
          clauses: [interp2019.art11.4]
      """)

  static let cases: [(text: String, rule: String, verdict: NegationVerdict)] = [
    ("公司从来没有拖欠过工资。", "neg.owe", .negated(cue: "没有")),
    ("公司不仅拖欠工资，还不给交社保。", "neg.owe", .affirmed),
    ("我没说公司拖欠工资。", "neg.owe", .negated(cue: "没")),
    ("工资没发，但是奖金发了。", "neg.owe", .affirmed),
    ("没发工资", "neg.wage", .affirmed),
    ("不是没发工资", "neg.wage", .negated(cue: "不")),
    ("乙方不得拖欠甲方货款。", "neg.owe", .negated(cue: "不得")),
    ("不是没有拖欠，只是晚了几天。", "neg.owe", .doubleNegated(cues: ["不", "没有"])),
    ("你们是不是拖欠工资了？", "neg.owe", .question(cue: "是不是")),
    ("如果公司拖欠工资，可以申请支付令。", "neg.owe", .hypothetical(cue: "如果")),
    ("我们不做赌博", "neg.gambling", .negated(cue: "不做")),
    ("不仅能控制输赢，还能改赔率", "neg.control", .affirmed),
    ("是不是能控制输赢？", "neg.control", .question(cue: "是不是")),
    ("如果要控制输赢的话", "neg.control", .hypothetical(cue: "如果")),
    ("禁止利用本系统从事违法活动", "neg.gambling", .negated(cue: "禁止")),
    ("不是不能做", "neg.do", .doubleNegated(cues: ["不", "不能"])),
    ("后台可以控制输赢吗？", "neg.control", .question(cue: "吗？")),
    ("控制输赢是不行的", "neg.control", .negated(cue: "是不行的")),
    // An after-cue followed by a second no is undone; followed by 的话 it is a condition.
    ("控制输赢这种功能不做不行", "neg.control", .doubleNegated(cues: ["不做", "不行"])),
    ("控制输赢不接不可以的，老板交代了", "neg.control", .doubleNegated(cues: ["不接", "不可以"])),
    ("控制输赢不做的话，客户都跑了", "neg.control", .hypothetical(cue: "不做的话")),
    ("控制输赢不行的话就换个方案", "neg.control", .hypothetical(cue: "不行的话")),
    ("控制输赢不做，不行就换人", "neg.control", .negated(cue: "不做")),
    ("能控制输赢，你要吗？", "neg.control", .affirmed),
    ("不过他们控制输赢", "neg.control", .affirmed),
    ("我不管，控制输赢就行", "neg.control", .affirmed),
    // A no right after the term's own question negates it; a yes, or a word that only starts
    // with 不, does not; nor does a no to a later question.
    ("后台要控制输赢吗？不，正常随机", "neg.control", .negated(cue: "？不")),
    ("能控制输赢吗？ 不能。", "neg.control", .negated(cue: "？ 不能")),
    ("是要控制输赢吗？没有，客户没提", "neg.control", .negated(cue: "？没有")),
    ("能控制输赢吗？不行", "neg.control", .negated(cue: "？不行")),
    ("能控制输赢吗？能，后台改一下参数", "neg.control", .affirmed),
    ("能控制输赢吗？不过要加钱", "neg.control", .affirmed),
    ("能控制输赢吗？不要紧，我们再谈", "neg.control", .affirmed),
    ("后台控制输赢，还要加返水吗？不用", "neg.control", .affirmed),
  ]

  @Test(arguments: cases.indices)
  func verdictTable(_ index: Int) throws {
    let row = Self.cases[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == row.verdict, "\(row.text)")
    #expect(signal?.suppressedReason == nil)
  }

  static let excluding = pack(
    rules: """
        - id: neg.control
          title: 控制输赢
          match: {any: [控制输赢, 赌博]}
          clauses: [interp2019.art11.4]
      """)

  @Test func excludeModeKeepsSuppressedSignalsWithTheirReason() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.excluding))
    let reasons = ["我们不做赌博", "如果要控制输赢的话", "后台可以控制输赢吗？", "后台可以控制输赢"].map {
      scanner.scan(line: $0).first?.suppressedReason
    }
    #expect(reasons == ["negated by 不做", "hypothetical (如果)", "question (吗？)", nil])
  }

  @Test func excludeModePrefersAnAffirmedOccurrence() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.excluding))
    let signal = try #require(scanner.scan(line: "我们不做赌博，但是后台能控制输赢").first)
    #expect(signal.suppressedReason == nil)
    #expect(signal.matched.map(\.text) == ["控制输赢"])
  }

  @Test func doubleNegationIsActiveButMarked() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.excluding))
    let signal = try #require(scanner.scan(line: "不是没有控制输赢").first)
    #expect(signal.suppressedReason == nil)
    #expect(signal.negation == .doubleNegated(cues: ["不", "没有"]))
    #expect(signal.why.hasSuffix("double negation 不…没有 (uncertain)"))
  }

  @Test func requireModeFiresOnlyOnNegatedOccurrencesAndCoversTheCue() throws {
    let lexicon = try TestLexicon.set(
      pack(
        rules: """
            - id: neutral.refusal
              title: 拒绝赌博业务
              polarity: exculpatory
              match: {any: [赌博]}
              negation: require
              clauses: [neutral.compliance]
          """))
    let scanner = SignalScanner(lexicon: lexicon)
    let signal = try #require(scanner.scan(line: "我们不做赌博的项目").first)
    #expect(signal.matched.map(\.text) == ["不做赌博"])
    #expect(signal.matched.first?.start == 2)
    #expect(signal.negation == .negated(cue: "不做"))
    #expect(scanner.scan(line: "我们做赌博的项目").isEmpty)
  }

  @Test func ruleOverridesPackVocabulary() throws {
    let lexicon = try TestLexicon.set(
      pack(
        rules: """
            - id: neg.control
              title: 控制输赢
              match: 控制输赢
              negation: {mode: exclude, cues: [绝不], before: 2}
              clauses: [interp2019.art11.4]
          """))
    let scanner = SignalScanner(lexicon: lexicon)
    #expect(scanner.scan(line: "绝不控制输赢").first?.suppressedReason == "negated by 绝不")
    #expect(scanner.scan(line: "不控制输赢").first?.suppressedReason == nil)
    #expect(scanner.scan(line: "绝不会去控制输赢").first?.suppressedReason == nil)
  }
}
