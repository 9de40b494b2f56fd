import Ingest
import Testing

@testable import Signals

/// `SignalScanner.unitSieve`: a message body passes exactly when the scan would evaluate a rule
/// on it, and there is no sieve when some rule needs every unit.
@Suite struct SignalSieveTests {
  static func sieve(_ rules: String) throws -> UnitSieve? {
    SignalScanner(lexicon: try TestLexicon.set(pack(rules: rules))).unitSieve(radius: 0, minimumUnits: 0)
  }

  static func passes(_ sieve: UnitSieve, _ text: String) -> Bool {
    let test = sieve.test()
    var copy = text
    return copy.withUTF8 { test($0) }
  }

  @Test func aBodyPassesWhenARuleMayFireOnItsFoldedText() throws {
    let sieve = try #require(
      try Self.sieve(
        """
          - id: build.gambling
            title: 搭建博彩
            match: {all: [{any: [后台, 管理端]}, {any: [控制输赢, 改赔率]}]}
            clauses: [interp2019.art11.4]
          - id: pay.usdt
            title: USDT
            match: {any: [USDT, {re: 'TRC20地址'}]}
            clauses: [interp2019.art11.4]
        """))
    #expect(Self.passes(sieve, "後臺能控制輸贏嗎"))
    #expect(Self.passes(sieve, "打ｕｓｄｔ给你"))
    #expect(Self.passes(sieve, "发你的trc20地址"))
    #expect(Self.passes(sieve, "我不会做后台控制输赢"))
    #expect(!Self.passes(sieve, "后台的登录页改一下"))
    #expect(!Self.passes(sieve, "控制一下预算"))
    #expect(!Self.passes(sieve, "明天开会"))
  }

  @Test func noSieveWhenARuleNeedsEveryUnit() throws {
    let unconditional = """
        - id: any.amount
          title: 任意金额
          match: {money: {min: 100, unitless: allow}}
          clauses: [interp2019.art11.4]
      """
    let joined = """
        - id: doc.both
          title: 文件内同时出现
          scope: document
          match: {all: [后台, 控制输赢]}
          clauses: [interp2019.art11.4]
      """
    let lineBreak = """
        - id: two.lines
          title: 跨行
          match: {any: ["后台\\n控制"]}
          clauses: [interp2019.art11.4]
      """
    #expect(try Self.sieve(unconditional) == nil)
    #expect(try Self.sieve(joined) == nil)
    #expect(try Self.sieve(lineBreak) == nil)
    let breakerOnly = """
        - id: build.plain
          title: 搭建
          match: {any: [控制输赢]}
          negation: {breakers: ["\\n", "。"]}
          clauses: [interp2019.art11.4]
      """
    #expect(try Self.sieve(breakerOnly) != nil)
  }

  @Test func anAmountPassesOnlyWithinAPriceRulesReachOfANamedService() throws {
    let scanner = try PriceFixture.scanner(within: 2)
    let sieve = try #require(scanner.unitSieve(radius: 0, minimumUnits: 0))
    let test = sieve.test()
    func passes(_ text: String) -> Bool {
      var copy = text
      return copy.withUTF8 { test($0) }
    }
    #expect(passes("八千块，三天上线"))
    #expect(passes("五千块吧"))
    #expect(!passes("三千块"))
    #expect(passes("帮我做交易所，带钱包和后台"))
    #expect(!passes("好的"))
    #expect(passes("八千块"))
    #expect(!passes("明天见"))
    #expect(!passes("再加两千块"))
    #expect(passes("交易所搭建整套报价八十万"))
    #expect(passes("做网站的事回头再说"))
  }
}
