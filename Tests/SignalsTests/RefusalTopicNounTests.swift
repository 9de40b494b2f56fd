import Testing

@testable import Signals

/// A refusal with the agent unsaid after a topic naming a thing of the trade (`这种盘`, `这类站`,
/// `这种码`, `这样的APP`, `这种号`) is the speaker's own and negates the term; a topic that may itself
/// be the one declining (a code or an account "does not take" a payment, a site "refuses"), a
/// refusal by someone else, a question, a condition or a past habit given up is none. Shipped
/// vocabulary (`NegationSettings.standard`); every refusal cue lies beyond the after-cue reach
/// (6) or is no after-cue, so the verdicts are the refusal grammar's.
@Suite struct RefusalTopicNounTests {
  static let flagged = pack(
    rules: """
        - id: t.gambling
          title: 菠菜
          match: 菠菜
          negation: flag
          clauses: [interp2019.art11.4]
        - id: t.runscore
          title: 跑分
          match: 跑分
          negation: flag
          clauses: [interp2019.art11.4]
        - id: t.pig
          title: 杀猪盘
          match: 杀猪盘
          negation: flag
          clauses: [interp2019.art11.4]
        - id: t.usdt
          title: USDT结算
          match: USDT结算
          negation: flag
          clauses: [interp2019.art11.4]
        - id: t.card
          title: 买卡
          match: 买卡
          negation: flag
          clauses: [interp2019.art11.4]
        - id: t.foreign
          title: 境外资金
          match: 境外资金
          negation: flag
          clauses: [interp2019.art11.4]
        - id: t.control
          title: 控制输赢
          match: 控制输赢
          negation: flag
          clauses: [interp2019.art11.4]
      """)

  /// Refusals by the speaker, agent unsaid: the term is negated by `cue`.
  static let refusals: [(text: String, rule: String, cue: String)] = [
    ("菠菜这种盘坚决不碰", "t.gambling", "不碰"),
    ("杀猪盘这类网站一律都不接", "t.pig", "不接"),
    ("跑分这种码坚决不碰", "t.runscore", "不碰"),
    ("跑分这样的APP一律不做", "t.runscore", "不做"),
    ("跑分这类小程序当场回绝了", "t.runscore", "回绝"),
    ("买卡这种号从来不碰", "t.card", "不碰"),
    ("控制输赢这个单一律不碰", "t.control", "不碰"),
    ("USDT结算的买卖一概不干", "t.usdt", "不干"),
    ("菠菜这类后台绝对不碰的", "t.gambling", "不碰"),
    ("菠菜的站坚决不碰", "t.gambling", "不碰"),
    ("菠菜站坚决不碰", "t.gambling", "不碰"),
    ("跑分这个码一律不碰了", "t.runscore", "不碰"),
    ("杀猪盘这种台子当场就拒绝了", "t.pig", "拒绝"),
    ("菠菜这种源码早就不碰了", "t.gambling", "不碰"),
    ("菠菜这类平台一律都拒绝了", "t.gambling", "拒绝"),
    ("跑分这种收款码一律推掉了", "t.runscore", "推掉"),
    ("跑分这种码我们一律不接", "t.runscore", "不接"),
    ("菠菜那种盘子，我一律回绝", "t.gambling", "回绝"),
    ("买卡这张卡坚决不碰", "t.card", "不碰"),
    ("客户要求后台控制输赢，我当场拒绝了，你呢？", "t.control", "拒绝"),
    ("跑分这款app当场就推了", "t.runscore", "推了"),
  ]

  /// Sentences that are no refusal by the speaker, with the verdict the term keeps.
  static let others: [(text: String, rule: String, verdict: NegationVerdict)] = [
    // The topic itself declines: a code, an account, a channel, a site.
    ("境外资金这种收款码一律不接", "t.foreign", .affirmed),
    ("境外资金这个账户直接拒绝了", "t.foreign", .affirmed),
    ("跑分这个通道一直没接", "t.runscore", .affirmed),
    ("USDT结算这个站已经都不接了", "t.usdt", .affirmed),
    ("USDT结算的平台一律拒绝了", "t.usdt", .affirmed),
    ("境外资金这张卡直接拒绝了", "t.foreign", .affirmed),
    ("跑分这条通道一律不接了", "t.runscore", .affirmed),
    ("USDT结算这款app一律不接", "t.usdt", .affirmed),
    // Someone else refuses.
    ("跑分这种码码商都不碰", "t.runscore", .affirmed),
    ("菠菜这种站站长一律不碰", "t.gambling", .affirmed),
    ("杀猪盘这种盘客户坚决不碰", "t.pig", .affirmed),
    ("菠菜这类app别人都不做", "t.gambling", .affirmed),
    ("跑分这种码被风控拒绝了", "t.runscore", .affirmed),
    // Questions.
    ("菠菜这种盘一律不碰？", "t.gambling", .question(cue: "？")),
    ("控制输赢这种功能绝对不碰吗", "t.control", .affirmed),
    ("菠菜这种盘你们一律不碰？", "t.gambling", .question(cue: "？")),
    ("客户要控制输赢，我拒绝了？", "t.control", .affirmed),
    ("菠菜这种盘一律不碰呢？", "t.gambling", .question(cue: "呢？")),
    // Conditions.
    ("如果菠菜这种盘一律不碰，就没单子了", "t.gambling", .hypothetical(cue: "如果")),
    ("菠菜这种盘一律不碰的话，客户都跑了", "t.gambling", .affirmed),
    // Past habits given up.
    ("菠菜这种盘以前不碰，现在也做", "t.gambling", .affirmed),
    ("跑分这种码之前一律不碰，后来也接了", "t.runscore", .affirmed),
    ("菠菜这类站一直都不碰，后来还是接了", "t.gambling", .affirmed),
    // The cue is not the end of its clause, or names no topic.
    ("跑分这种码不碰大额的", "t.runscore", .affirmed),
    ("菠菜这种盘口子一律不碰", "t.gambling", .affirmed),
  ]

  @Test(arguments: refusals.indices)
  func aRefusalAfterATradeTopicNegatesTheTerm(_ index: Int) throws {
    let row = Self.refusals[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == .negated(cue: row.cue), "\(row.text)")
  }

  @Test(arguments: others.indices)
  func otherSentencesAreNoRefusalOfTheTerm(_ index: Int) throws {
    let row = Self.others[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == row.verdict, "\(row.text)")
  }

  /// Which cues a thing can do as well as a person.
  @Test func thingCues() {
    let cues = ["不接", "没接", "不会接", "拒绝", "拒了", "不碰", "不做", "不干", "推掉", "婉拒", "回绝", "没答应"]
    let things = cues.filter { RefusalClause.isThingCue(Array($0.unicodeScalars)[...]) }
    #expect(things == ["不接", "没接", "不会接", "拒绝", "拒了"])
  }

  /// The kinds of noun: which markers and cues each stands with.
  @Test func nounKindsAdmitMarkersAndCues() {
    typealias Kind = TopicNoun.Kind
    let markers: [TopicMarker.Kind?] = [nil, .specific, .kind]
    func admitted(_ kind: Kind, thingCue: Bool) -> [Bool] { markers.map { kind.admits(marker: $0, thingCue: thingCue) } }
    #expect(admitted(.work, thingCue: true) == [true, true, true])
    #expect(admitted(.work, thingCue: false) == [true, true, true])
    #expect(admitted(.product, thingCue: true) == [false, false, true])
    #expect(admitted(.product, thingCue: false) == [true, true, true])
    #expect(admitted(.instrument, thingCue: true) == [false, false, false])
    #expect(admitted(.instrument, thingCue: false) == [true, true, true])
  }
}
