import Testing

@testable import Signals

/// Someone else's request reported by the speaker, refused by the speaker in a later clause of
/// the same sentence (`客户说要用U付款，我说不行`): the request's terms are not the speaker's act
/// or acceptance, so they are negated with the refusal as cue; a request taken up, a refusal of
/// something else, a refusal asked as a question and a 不行 that refuses nothing leave them
/// affirmed (LEXICON.md "Answers to a request", `ReportedRequest`, `RequestAnswer`).
@Suite struct RequestRefusalTests {
  /// `RefusalNegationTests.flagged`: flag-mode rules with the standard vocabulary.
  static var flagged: String { RefusalNegationTests.flagged }

  /// A request someone else made, refused by the speaker: reporter, request, refusal and
  /// punctuation vary.
  static let refused: [(text: String, rule: String, cue: String)] = [
    ("客户说要用USDT结算，我说不行，必须公对公", "ref.usdt", "不行"),
    ("老板让我在后台加控制输赢，我当时就说这个我们不碰", "ref.control", "不碰"),
    ("对方想搞个菠菜平台，我回他免谈。", "ref.gambling", "免谈"),
    ("他说可以帮我们做菠菜平台的后台，我说这种盘坚决不碰", "ref.gambling", "不碰"),
    ("张总问USDT结算可不可以，我说不可以", "ref.usdt", "不可以"),
    ("有人找我做菠菜平台，没门", "ref.gambling", "没门"),
    ("小王叫我帮他买卡，我跟他说不行不行", "ref.card", "不行"),
    ("客户希望用USDT结算，这个不接受，只收人民币", "ref.usdt", "不接受"),
    ("对方老板非要加控制输赢的功能，我们这边不同意", "ref.control", "不同意"),
    ("客户说，聊天记录要删掉，我说这事我不干", "ref.records", "不干"),
    ("同行想拉我一起做菠菜平台，我说不考虑", "ref.gambling", "不考虑"),
    ("老板说过要加控制输赢； 我说不要", "ref.control", "不要"),
    ("甲方要USDT结算 我回复他们不能做", "ref.usdt", "不能做"),
    ("他让我把买卡的事办了，我说办不到！", "ref.card", "办不到"),
  ]

  /// The request taken up, something else refused, a refusal asked, a 不行 that refuses nothing,
  /// someone else's no, or the speaker's own request: the term stays affirmed.
  static let taken: [String] = [
    "客户说要用USDT结算，我说可以",
    "客户说要用USDT结算，行，安排",
    "老板让我加控制输赢，没问题",
    "对方要做菠菜平台，我说不行吗？",
    "客户说要用USDT结算，不行就换个通道",
    "客户说要用USDT结算，发票我说不行，U可以",
    "老板让加控制输赢，别的我说不行，这个可以",
    "客户说要用USDT结算，我说不行，后来加了钱还是做了",
    "客户说要用USDT结算，我说不行，加点手续费就可以",
    "客户说要用USDT结算，他老板说不行，我说可以",
    "我要用USDT结算，客户说不行",
    "客户说要用USDT结算，我说人民币不行，就用U",
    "老板让我加控制输赢，我说不行的话他就换人",
    "对方想做菠菜平台，我说没问题，不行的话再改",
    "小王说聊天记录要删掉，我说行，不行再说",
    "客户想用USDT结算，他那边银行卡不行",
    "客户说要后台控制输赢，我说不行，得加钱",
    "老板让我做菠菜平台，我说不行，这个价做不了",
    "对方让我把聊天记录删掉，不删不行",
  ]

  @Test(arguments: refused.indices)
  func theSpeakersRefusalOfAReportedRequestNegatesIt(_ index: Int) throws {
    let row = Self.refused[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == .negated(cue: row.cue), "\(row.text)")
  }

  @Test(arguments: taken)
  func aRequestNotRefusedStaysAffirmed(_ text: String) throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signals = scanner.scan(line: text)
    #expect(!signals.isEmpty, "\(text)")
    for signal in signals { #expect(signal.negation == .affirmed, "\(text): \(signal.ruleID)") }
  }

  @Test func excludeModeSuppressesTheRefusedRequestWithTheCueAsReason() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(NegationTests.excluding))
    let signal = try #require(scanner.scan(line: "客户要后台控制输赢，我说不行").first)
    #expect(signal.suppressedReason == "negated by 不行")
    #expect(scanner.scan(line: "客户要后台控制输赢，我说可以").first?.suppressedReason == nil)
  }

  @Test func packSetsItsRequestRefusals() throws {
    let lexicon = try TestLexicon.set(
      pack(
        rules: """
            - id: ref.control
              title: 控制输赢
              match: 控制输赢
              negation: {mode: flag, request_refusals: [否了]}
              clauses: [interp2019.art11.4]
          """))
    let scanner = SignalScanner(lexicon: lexicon)
    #expect(scanner.scan(line: "老板要加控制输赢，我说否了").first?.negation == .negated(cue: "否了"))
    #expect(scanner.scan(line: "老板要加控制输赢，我说不行").first?.negation == .affirmed)
    #expect(scanner.scan(line: "老板要加控制输赢，我拒绝了").first?.negation == .negated(cue: "拒绝"))
  }

  /// The shipped packs, the line said by the subject: the same request refused gives no Art. 11
  /// finding, taken up it gives one.
  static let shippedPairs: [(refused: String, taken: String)] = [
    ("客户说要用U付款，我说不行，必须公对公", "客户说要用U付款，我说可以"),
    ("对方要u结算，我回他免谈", "对方要u结算，我说没问题"),
    ("老板说要U结，我说这种我们不收", "老板说要U结，行，安排"),
    ("客户要求后台能控制输赢，这个我们不同意", "客户要求后台能控制输赢，我说可以做"),
    ("他们说要做个菠菜站，让我报个价，我说这种站坚决不碰", "他们说要做个菠菜站，让我报个价，我说两万"),
  ]

  @Test(arguments: shippedPairs.indices)
  func theShippedPacksHeedTheAnswer(_ index: Int) {
    let pair = Self.shippedPairs[index]
    let refused = FreshTextRegressionTests.signals(pair.refused).filter { !$0.art11.isEmpty }.map(\.signal.ruleID)
    let taken = FreshTextRegressionTests.signals(pair.taken).filter { !$0.art11.isEmpty }.map(\.signal.ruleID)
    #expect(refused.isEmpty, "\(pair.refused) → \(refused)")
    #expect(!taken.isEmpty, "\(pair.taken)")
  }

  /// The request found: someone else's reported words, or a request verb with someone else as
  /// its subject, to the end of its clause.
  static let requests: [(text: String, term: String, request: String?)] = [
    ("客户说要用u付款,我说不行", "u付", "要用u付款"),
    ("老板让我加控制输赢,我没答应", "控制输赢", "让我加控制输赢"),
    ("对方要走u,免谈", "走u", "要走u"),
    ("有人找我做菠菜,没门", "菠菜", "找我做菠菜"),
    ("我要用u付款,他说不行", "u付", nil),
    ("要用u付款,不行", "u付", nil),
    ("客户要是用u付款,就加价", "u付", nil),
    ("客户的问题是u付款慢", "u付", nil),
  ]

  @Test(arguments: requests.indices)
  func theRequestIsSomeoneElsesWords(_ index: Int) throws {
    let row = Self.requests[index]
    let scalars = Array(row.text.unicodeScalars)
    let term = Array(row.term.unicodeScalars)
    let start = try #require(scalars.indices.first { scalars[$0...].starts(with: term) })
    let span = ReportedRequest(scalars: scalars).span(enclosing: start, start + term.count)
    #expect(span.map { String(String.UnicodeScalarView(scalars[$0])) } == row.request, "\(row.text)")
  }
}
