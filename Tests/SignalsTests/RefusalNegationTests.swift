import Testing

@testable import Signals

/// A refusal said after a term, in the same sentence, negates it (LEXICON.md "Refusals"); a
/// refusal by someone else, of something else, refused itself or later reversed does not.
@Suite struct RefusalNegationTests {
  /// Rules in `flag` mode, with the standard vocabulary, so every verdict is visible.
  static let flagged = pack(
    rules: """
        - id: ref.control
          title: 控制输赢
          match: 控制输赢
          negation: flag
          clauses: [interp2019.art11.4]
        - id: ref.usdt
          title: USDT结算
          match: USDT结算
          negation: flag
          clauses: [interp2019.art11.4]
        - id: ref.gambling
          title: 菠菜平台
          match: 菠菜平台
          negation: flag
          clauses: [interp2019.art11.4]
        - id: ref.records
          title: 删聊天记录
          match: {all: [聊天记录, 删掉], near: 8}
          negation: flag
          clauses: [interp2019.art11.4]
        - id: ref.card
          title: 买卡
          match: 买卡
          negation: flag
          clauses: [interp2019.art11.4]
      """)

  static let refusals: [(text: String, rule: String, cue: String)] = [
    ("客户要求后台控制输赢，我当场拒绝了", "ref.control", "拒绝"),
    ("控制输赢这种功能我是绝对不会做的", "ref.control", "不会做"),
    ("他让我把聊天记录删掉免得被查，我没听他的", "ref.records", "没听"),
    ("客户想用USDT结算，被我拒绝了", "ref.usdt", "拒绝"),
    ("有人找我做菠菜平台，我直接拉黑了", "ref.gambling", "拉黑"),
    ("对方要做菠菜平台，我们一律谢绝", "ref.gambling", "谢绝"),
    ("要USDT结算的单子我都推掉了", "ref.usdt", "推掉"),
    ("老板说要加控制输赢，我没答应", "ref.control", "没答应"),
    ("买卡的事他找了我好几次，我一口回绝了", "ref.card", "回绝"),
    ("菠菜平台的开发找过我，我婉拒了", "ref.gambling", "婉拒"),
    ("聊天记录让我删掉，我没同意。", "ref.records", "没同意"),
    ("客户要后台控制输赢，我把他拉黑了", "ref.control", "拉黑"),
    ("USDT结算这种我们不碰的", "ref.usdt", "不碰"),
    ("控制输赢的单子我没接", "ref.control", "没接"),
    ("客户要求控制输赢， 我们这边直接拒了！", "ref.control", "拒了"),
    ("控制输赢这种功能绝对不做", "ref.control", "不做"),
    ("USDT结算这类业务一律不接的", "ref.usdt", "不接"),
    ("菠菜平台的活不碰", "ref.gambling", "不碰"),
    ("买卡这种事坚决不干，找别人吧", "ref.card", "不干"),
    ("控制输赢这个需求当场就拒绝了", "ref.control", "拒绝"),
  ]

  static let others: [(text: String, rule: String)] = [
    ("USDT结算的单子，客户拒绝付款，我们再催", "ref.usdt"),
    ("银行拒绝了他的开户，他就找我买卡", "ref.card"),
    ("做菠菜平台的活先别拒绝，价格可以谈", "ref.gambling"),
    ("控制输赢他们要，我拒绝了三次还是做了", "ref.control"),
    ("控制输赢我先拒绝了，后来加钱还是做了", "ref.control"),
    ("客户要求后台控制输赢。我拒绝了", "ref.control"),
    ("控制输赢做好了\n我拒绝了", "ref.control"),
    ("USDT结算可以，但是我拒绝开发票", "ref.usdt"),
    ("菠菜平台客户拒绝了", "ref.gambling"),
    ("聊天记录删掉免得被查，我不会拒绝的", "ref.records"),
    ("控制输赢没问题，我没拒绝过", "ref.control"),
    ("控制输赢这个客户被银行拒绝了", "ref.control"),
    ("控制输赢的需求很多人拒绝了，我接了", "ref.control"),
    ("菠菜平台搭好了，拉黑了几个捣乱的玩家", "ref.gambling"),
    ("USDT结算，拒绝的话就走人民币", "ref.usdt"),
    ("控制输赢的后台已经交付了，对方拒绝了", "ref.control"),
    ("控制输赢打电话跟他说了，他没接", "ref.control"),
    ("买卡的钱我拒绝了一半，剩下的照付", "ref.card"),
    ("控制输赢这种功能别人不做，我们做", "ref.control"),
    ("菠菜平台这种业务客户拒绝了", "ref.gambling"),
    ("USDT结算这类单子以前不接，现在接了", "ref.usdt"),
    ("买卡这种事不干，但是加钱可以", "ref.card"),
    ("控制输赢这种系统很多公司不碰", "ref.control"),
    ("菠菜平台这类生意对方一律不接", "ref.gambling"),
  ]

  @Test(arguments: refusals.indices)
  func refusalNegatesTheTerm(_ index: Int) throws {
    let row = Self.refusals[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == .negated(cue: row.cue), "\(row.text)")
  }

  @Test(arguments: others.indices)
  func otherRefusalsLeaveTheTermAffirmed(_ index: Int) throws {
    let row = Self.others[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.flagged))
    let signal = scanner.signal(of: row.rule, inLine: row.text)
    #expect(signal?.negation == .affirmed, "\(row.text)")
  }

  @Test func excludeModeSuppressesARefusedTermWithTheCueAsReason() throws {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(NegationTests.excluding))
    let signal = try #require(scanner.scan(line: "客户要求后台控制输赢，我当场拒绝了").first)
    #expect(signal.suppressedReason == "negated by 拒绝")
    #expect(scanner.scan(line: "客户要求后台控制输赢，我当场答应了").first?.suppressedReason == nil)
  }

  @Test func packSetsRefusalsAndTheirReach() throws {
    let lexicon = try TestLexicon.set(
      pack(
        rules: """
            - id: ref.control
              title: 控制输赢
              match: 控制输赢
              negation: {mode: flag, refusals: [否决], refusal_reach: 4}
              clauses: [interp2019.art11.4]
          """))
    let scanner = SignalScanner(lexicon: lexicon)
    #expect(scanner.scan(line: "控制输赢，我否决了").first?.negation == .negated(cue: "否决"))
    #expect(scanner.scan(line: "控制输赢，我当场就否决了").first?.negation == .affirmed)
    #expect(scanner.scan(line: "控制输赢，我拒绝了").first?.negation == .affirmed)
  }
}
