import Testing

@testable import Signals

/// An after-cue (`菠菜平台客户不接`) negates the term before it unless the words right after it
/// undo it (`不接白不接`, `不做可惜`, `不接就亏了`), make it a condition (`不做的话`) or ask it
/// (`你们不接吗？`)
/// (LEXICON.md "Negation", `AfterCueSequel`).
@Suite struct AfterCueSequelTests {
  /// `RefusalNegationTests.flagged`: flag-mode rules with the standard vocabulary.
  static var flagged: String { RefusalNegationTests.flagged }

  static let cases: [(text: String, rule: String, verdict: NegationVerdict)] = [
    // A second no: the speaker means to take it.
    ("菠菜平台的单子不接白不接", "ref.gambling", .doubleNegated(cues: ["不接", "白不接"])),
    ("控制输赢这种活不做白不做", "ref.control", .doubleNegated(cues: ["不做", "白不做"])),
    ("USDT结算不做可惜了", "ref.usdt", .doubleNegated(cues: ["不做", "可惜"])),
    ("买卡这活不接可惜", "ref.card", .doubleNegated(cues: ["不接", "可惜"])),
    // What the no would cost: the speaker argues for taking it.
    ("菠菜平台的活儿不接就亏了", "ref.gambling", .doubleNegated(cues: ["不接", "就亏"])),
    ("USDT结算不做就没钱赚", "ref.usdt", .doubleNegated(cues: ["不做", "就没钱"])),
    ("控制输赢不接就便宜别人了", "ref.control", .doubleNegated(cues: ["不接", "就便宜"])),
    // A condition.
    ("菠菜平台不做的话，客户都跑了", "ref.gambling", .hypothetical(cue: "不做的话")),
    // A question.
    ("菠菜平台的你们不接吗？", "ref.gambling", .question(cue: "不接吗？")),
    ("控制输赢你们不做吗", "ref.control", .question(cue: "不做吗")),
    ("USDT结算也不接了？", "ref.usdt", .question(cue: "不接了？")),
    // A no that stands.
    ("菠菜平台客户不接", "ref.gambling", .negated(cue: "不接")),
    ("控制输赢不做就是不做", "ref.control", .negated(cue: "不做")),
    ("USDT结算不接就行了", "ref.usdt", .negated(cue: "不接")),
    ("买卡不做，找别人吧", "ref.card", .negated(cue: "不做")),
    ("控制输赢不做的", "ref.control", .negated(cue: "不做")),
    ("菠菜平台不接，你问问别家吗？", "ref.gambling", .negated(cue: "不接")),
    ("USDT结算不接就没事了", "ref.usdt", .negated(cue: "不接")),
  ]

  @Test(arguments: cases.indices)
  func theWordsAfterAnAfterCueDecideItsVerdict(_ index: Int) throws {
    let row = Self.cases[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    #expect(scanner.signal(of: row.rule, inLine: row.text)?.negation == row.verdict, "\(row.text)")
  }

  @Test func sequelsAreReadFromTheNormalisedText() {
    func sequel(_ text: String, cue: Int) -> AfterCueSequel? {
      AfterCueSequel(cue: cue..<(cue + 2), in: Array(text.unicodeScalars))
    }
    #expect(sequel("不接白不接", cue: 0) == .secondNo(end: 5))
    #expect(sequel("不接白不做", cue: 0) == nil)
    #expect(sequel("不做的话", cue: 0) == .condition(end: 4))
    #expect(sequel("不接就算了", cue: 0) == nil)
    #expect(sequel("不接就亏大了", cue: 0) == .secondNo(end: 4))
    #expect(sequel("不接了吗?", cue: 0) == .question(end: 5))
    #expect(sequel("不接吗", cue: 0) == .question(end: 3))
    #expect(sequel("不接吗啊呢吧?", cue: 0) == nil)
  }
}
