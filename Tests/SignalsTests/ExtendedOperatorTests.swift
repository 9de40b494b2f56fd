import Testing

@testable import Signals

@Suite struct ExtendedOperatorTests {
  static let lexicon = pack(
    terms: """
        service: [搭建, 开发, 做一套]
      """,
    rules: """
        - id: ext.cheap-build
          title: 低价搭建
          match:
            all:
              - any: [$service]
              - money: {min: 100, max: 5000}
            near: 15
          clauses: [interp2019.art11.4]
        - id: ext.usdt
          title: U结算
          match: {money: {min: 1, currency: USDT}}
          clauses: [interp2019.art11.4]
        - id: ext.bare
          title: 裸数字
          match:
            all:
              - 报价
              - money: {min: 1000, unitless: allow, approximate: deny}
          clauses: [interp2019.art11.4]
        - id: ext.two-of
          title: 三选二
          match:
            at_least:
              n: 2
              of: [跑分, 码商, 卡农]
            near: 10
          clauses: [interp2019.art11.4]
        - id: ext.rate
          title: 日息
          match: {re: '每日.{0,4}(千分之|百分之)'}
          clauses: [interp2019.art11.4]
        - id: ext.repeat
          title: 反复删记录
          match: {count: {of: 删记录, min: 2}}
          clauses: [interp2019.art11.4]
      """)

  private func signals(_ text: String) throws -> [String: Signal] {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    return Dictionary(scanner.scan(line: text).map { ($0.ruleID, $0) }) { first, _ in first }
  }

  @Test func moneyOperatorFiltersAmountsAndSetsValues() throws {
    let signal = try #require(try signals("这个平台帮我搭建一下，给你三千五")["ext.cheap-build"])
    #expect(signal.values["amountFen"] == "350000")
    #expect(signal.values["currency"] == "CNY")
    #expect(signal.matched.map(\.text) == ["搭建", "三千五"])
    #expect(signal.matched.map(\.term) == ["搭建", "money"])
    #expect(signal.why == "all(any $service「搭建」, money「三千五」) near≤15 · no negation cue")
    #expect(try signals("这个平台帮我搭建一下，给你三万")["ext.cheap-build"] == nil)
    #expect(try signals("这个平台帮我搭建一下，给你3000")["ext.cheap-build"] == nil)
  }

  @Test func moneyOnlyRulesAreTriggeredByUnitWordsAndFilterCurrency() throws {
    #expect(try signals("结算用500u")["ext.usdt"]?.values["currency"] == "USDT")
    #expect(try signals("结算用500块")["ext.usdt"] == nil)
    let compiled = CompiledLexicon(try TestLexicon.set(Self.lexicon))
    #expect(compiled.unconditionalRules.isEmpty)
    let usdt = try #require(compiled.rules.firstIndex { $0.rule.id == "ext.usdt" })
    let triggers = compiled.patterns.indices.filter { compiled.rulesByPattern[$0].contains(usdt) }
    #expect(Set(triggers.map { compiled.patterns[$0] }).isSuperset(of: ["u", "usdt", "元", "万"]))
  }

  @Test func unitlessAndApproximateOptions() throws {
    #expect(try signals("报价8500")["ext.bare"]?.values["amountFen"] == "850000")
    #expect(try signals("报价大概8500")["ext.bare"] == nil)
  }

  @Test func rangesReportBothEnds() throws {
    let values = try #require(try signals("搭建费用1000-3000元")["ext.cheap-build"]).values
    #expect(values["amountFen"] == "100000")
    #expect(values["amountHighFen"] == "300000")
  }

  @Test func atLeastNeedsNItemsNearEachOther() throws {
    let signal = try #require(try signals("找码商，再找几个卡农")["ext.two-of"])
    #expect(signal.matched.map(\.text) == ["码商", "卡农"])
    #expect(signal.why == "at_least 2(「码商」, 「卡农」) near≤10 · no negation cue")
    #expect(try signals("只找码商")["ext.two-of"] == nil)
  }

  @Test func regexVerifiesCandidateUnits() throws {
    let signal = try #require(try signals("利息每日按千分之五算")["ext.rate"])
    #expect(signal.matched.map(\.text) == ["每日按千分之"])
    #expect(signal.matched.first?.term == "每日.{0,4}(千分之|百分之)")
    #expect(try signals("每日都来这里吃饭的人有千分之一")["ext.rate"] == nil)
    #expect(try signals("千分之五的利息")["ext.rate"] == nil)
  }

  @Test func countNeedsRepeatedOccurrences() throws {
    let signal = try #require(try signals("先删记录，等会再删记录")["ext.repeat"])
    #expect(signal.matched.count == 2)
    #expect(signal.why == "count≥2(2× 「删记录」) · no negation cue")
    #expect(try signals("先删记录")["ext.repeat"] == nil)
  }

  @Test func regexAtomsAreTheRequiredLiterals() {
    #expect(RegexAtoms.required("每日.{0,4}(千分之|百分之)") == ["千分之", "百分之"])
    #expect(RegexAtoms.required("后台.{0,8}(控制|修改)") == ["后台"])
    #expect(RegexAtoms.required("(跑分|码商)平台") == ["平台"])
    #expect(RegexAtoms.required("(?:收|出)u") == ["u"])
    #expect(RegexAtoms.required("trc20地址?") == ["trc20地"])
    #expect(RegexAtoms.required("\\d+元?") == nil)
    #expect(RegexAtoms.required("a|\\d+") == nil)
    #expect(RegexAtoms.required("(?=支付)宝") == ["宝"])
  }

  @Test func moneyAndRegexErrorsAreReported() throws {
    let text = pack(
      rules: """
          - id: bad.money
            title: x
            match: {money: {min: 5000, max: 100}}
            clauses: [interp2019.art11.4]
          - id: bad.regex
            title: y
            match: {re: '(unclosed'}
            clauses: [interp2019.art11.4]
          - id: bad.near
            title: z
            match: {any: [a], near: 3}
            clauses: [interp2019.art11.4]
        """)
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": text])
    #expect(diagnostics.map(\.code) == ["lexicon.money-range", "lexicon.schema", "lexicon.schema"])
  }
}
