import Testing

@testable import Signals

/// A refusal or a no in someone else's reported words (`他说这种盘坚决不碰`, `老板说过他们不接`,
/// `听客户讲别家都不做`) is not the speaker's: it neither negates the speaker's term nor counts as
/// the speaker's refusal; the speaker's own saying (`我说了不做`, `我跟你说，这种不做`) still does
/// (LEXICON.md "Refusals", `ReportedSpeech`).
@Suite struct ReportedRefusalTests {
  /// `RefusalNegationTests.flagged`: flag-mode rules with the standard vocabulary.
  static var flagged: String { RefusalNegationTests.flagged }

  /// Someone else's no after the term, in the term's sentence: the term stays affirmed.
  static let reported: [(text: String, rule: String)] = [
    ("控制输赢这种功能老板说我们一律不做", "ref.control"),
    ("菠菜平台他说坚决不碰", "ref.gambling"),
    ("USDT结算，听客户讲别家都不做", "ref.usdt"),
    ("控制输赢他说不做", "ref.control"),
    ("菠菜平台老板说过他们不接", "ref.gambling"),
    ("买卡这种事张总表示一律不干", "ref.card"),
    ("USDT结算据说同行都不接", "ref.usdt"),
    ("控制输赢的功能小王跟我说他们不做", "ref.control"),
    ("菠菜平台的活对方称不接", "ref.gambling"),
    ("买卡这种事我听他们说坚决不碰", "ref.card"),
  ]

  /// The speaker's own saying, an unsaid subject, or a reporting verb whose words end before the
  /// refusal: the refusal negates the term.
  static let own: [(text: String, rule: String, cue: String)] = [
    ("控制输赢这种功能我说了不做", "ref.control", "不做"),
    ("我跟你说，控制输赢这种功能绝对不做", "ref.control", "不做"),
    ("菠菜平台的活跟他说了不接", "ref.gambling", "不接"),
    ("老板说要加控制输赢，我没答应", "ref.control", "没答应"),
    ("客户说要用USDT结算，我当场拒绝了", "ref.usdt", "拒绝"),
    ("买卡的事我早就说过坚决不干", "ref.card", "不干"),
    ("说实话，菠菜平台的活不碰", "ref.gambling", "不碰"),
    ("菠菜平台这类生意我是说一律不接的", "ref.gambling", "不接"),
    ("控制输赢这种功能我跟客户说了不做", "ref.control", "不做"),
    ("菠菜平台他们说过的那种我们一律不接", "ref.gambling", "不接"),
  ]

  @Test(arguments: reported.indices)
  func someoneElsesRefusalLeavesTheTermAffirmed(_ index: Int) throws {
    let row = Self.reported[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == .affirmed, "\(row.text)")
  }

  @Test(arguments: own.indices)
  func theSpeakersOwnSayingStillRefuses(_ index: Int) throws {
    let row = Self.own[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == .negated(cue: row.cue), "\(row.text)")
  }

  /// A no inside the reported words still governs a term said in the same reported words: the
  /// speaker affirms nothing there (`他说不做控制输赢`).
  @Test func aNoGovernsATermInsideTheSameReportedWords() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    #expect(scanner.signal(of: "ref.control", inLine: "他说不做控制输赢")?.negation == .negated(cue: "不做"))
    #expect(scanner.signal(of: "ref.gambling", inLine: "老板说过不接菠菜平台")?.negation == .negated(cue: "不接"))
  }

  /// An exculpatory refusal rule as `neutral-help.refuses-illegal` is built: a no near an
  /// unlawful object, negation ignored, `not_inside: reported`.
  static let refusalRule = pack(
    rules: """
        - id: ex.refuses
          title: 拒绝违法项目
          polarity: exculpatory
          match:
            all:
              - any: [不做, 不接, 不碰, 坚决不, 一律不, 拒绝, 没同意, 做不了]
              - any: [赌博, 菠菜, 杀猪盘, 资金盘, 控制输赢]
            near: 16
          negation: ignore
          not_inside: reported
          clauses: [neutral.compliance]
      """)

  /// Someone else's refusal: the rule is kept only as suppressed, inside reported words.
  static let othersRefusals = [
    "他说这种赌博的盘坚决不碰", "老板说过他们不接菠菜的", "听客户讲别家都不做杀猪盘", "据说同行都不碰资金盘，我们可以试试",
    "张总表示控制输赢的功能做不了", "客户跟我说他们公司赌博的项目一律不接",
  ]
  /// The speaker's own refusal, also of a request someone reported: the rule counts.
  static let ownRefusals = [
    "我说了，赌博的项目一律不接", "我跟你说，杀猪盘这种单子我们坚决不碰", "客户说要做菠菜，我当场拒绝了",
    "老板说要加控制输赢的功能，我没同意", "跟客户讲过了，资金盘的活不接", "我早就说过控制输赢这种东西不做",
  ]

  @Test(arguments: othersRefusals)
  func anotherPersonsRefusalIsNoRefusalFinding(_ text: String) throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.refusalRule))
    let signal = try #require(scanner.signal(of: "ex.refuses", inLine: text), "\(text)")
    #expect(signal.suppressedReason == "inside reported", "\(text)")
  }

  @Test(arguments: ownRefusals)
  func theSpeakersRefusalIsARefusalFinding(_ text: String) throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.refusalRule))
    let signal = try #require(scanner.signal(of: "ex.refuses", inLine: text), "\(text)")
    #expect(signal.suppressedReason == nil, "\(text)")
  }

  /// The reported words found: after a verb whose subject is someone else, to the end of its
  /// clause, or the next clause when the verb ends its own.
  static let spans: [(text: String, words: [String])] = [
    ("他说这种盘坚决不碰", ["这种盘坚决不碰"]),
    ("老板说过他们不接博彩的", ["他们不接博彩的"]),
    ("听客户讲，别家都不做这个", ["别家都不做这个"]),
    ("据说同行都不碰，我们也不碰", ["同行都不碰"]),
    ("小王告诉我这种不接。我接", ["我这种不接"]),
    ("他们表示做不了 我再问问", ["做不了"]),
    ("我说了不做", []),
    ("我跟你说，这种不做", []),
    ("说明书里写了不做定制", []),
    ("价格好说，这种盘不碰", []),
    ("名称不接受修改", []),
    ("你跟他说这种不做", []),
    ("他们说的那种盘我们不碰", []),
  ]

  @Test(arguments: spans.indices)
  func reportedWordsAreFoundWhereSomeoneElseSpeaks(_ index: Int) {
    let row = Self.spans[index]
    let scalars = Array(row.text.unicodeScalars.map { $0 == "，" ? "," : $0 })
    let found = ReportedSpeech(scalars: scalars).spans().map { String(String.UnicodeScalarView(scalars[$0])) }
    #expect(found == row.words, "\(row.text)")
  }
}
