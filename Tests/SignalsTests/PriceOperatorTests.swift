import Ingest
import Testing

@testable import Signals

/// A small price table and a pack with one `price` rule, for the price operator's tests.
enum PriceFixture {
  static func table(rates: Bool = true) -> String {
    """
    version: 1
    currency: CNY
    thresholds: {below: 0.3, above: 3.0}
    \(rates ? "rates:\n  - {currency: USDT, cny: 7, basis: 测试汇率}" : "")
    services:
      - id: exchange
        title: 交易所/交易平台
        terms: [交易所搭建, 做交易所]
        unit: project
        low: 50000
        high: 300000
        basis: 测试区间
      - id: website
        title: 企业网站
        terms: [做网站, 建站]
        unit: project
        low: 3000
        high: 30000
        basis: 测试区间

    """
  }

  static func rule(within: Int = 2, except: String = "") -> String {
    pack(rules: """
        - id: price.anomaly
          title: 价格异常
          scope: \(within > 0 ? "conversation" : "message")
          match:
            price: {services: [exchange, website], below: 0.3, above: 3.0, near: 20, within: \(within)\(except)}
          clauses: [interp2019.art11.4]
      """)
  }

  static func scanner(rates: Bool = true, within: Int = 2, except: String = "") throws -> SignalScanner {
    let lexicon = try TestLexicon.load(
      files: ["market-prices.yml": table(rates: rates), "pack.yml": rule(within: within, except: except)])
    return SignalScanner(lexicon: lexicon)
  }
}

@Suite struct PriceOperatorTests {
  @Test(arguments: [
    ("做交易所八百块", true, "0.02"),
    ("做交易所五万", false, nil),
    ("交易所搭建整套二十万，工期三个月", false, nil),
    ("交易所搭建报价一千五百万", true, "50.00"),
    ("交易所搭建一千五百万", false, nil),
    ("交易所搭建全套连后台一千五百万", true, "50.00"),
    ("交易所搭建一整套一千五百万", true, "50.00"),
    ("交易所搭建全套连后台十来万", false, nil),
    ("交易所搭建全套三四千", true, "0.08"),
    ("交易所搭建好了，日活十万", false, nil),
    ("做网站一千块", false, nil),
    ("做网站八百块", true, "0.27"),
    ("做网站要十万块", true, "3.33"),
    ("中午外卖花了三十块", false, nil),
    ("做网站每月八百块", false, nil),
    ("做网站八百块，一个月上线", true, "0.27"),
    ("做交易所的事回头再说，我先下楼吃个饭，顺便买点水果，饭钱八十块", false, nil),
  ] as [(String, Bool, String?)])
  func comparesTheAmountWithTheServiceNamedNearby(text: String, fires: Bool, ratio: String?) throws {
    let signals = try PriceFixture.scanner(within: 0).scan(line: text).filter { $0.suppressedReason == nil }
    #expect(signals.isEmpty == !fires, "\(text)")
    #expect(signals.first?.values["ratio"] == ratio, "\(text)")
  }

  /// Each amount is linked to its nearest service phrase however many others the unit holds:
  /// repeated far before or after it, the same text links the same pair.
  @Test(arguments: ["做网站八百块", "做交易所八百块", "做网站要十万块"])
  func theNearestServiceIsFoundAmongMany(text: String) throws {
    let scanner = try PriceFixture.scanner(within: 0)
    let alone = try #require(scanner.scan(line: text).first { $0.suppressedReason == nil })
    let filler = String(repeating: "今天交易所搭建的会议改到下午，做网站的同事请假了。", count: 200)
    let buried = try #require(scanner.scan(line: filler + text + "。" + filler).first { $0.suppressedReason == nil })
    #expect(buried.values["ratio"] == alone.values["ratio"])
    #expect(buried.values["service"] == alone.values["service"])
    #expect(buried.matched.map(\.text) == alone.matched.map(\.text))
  }

  /// An `except` word keeps only the amount of its own clause from being compared: a deposit
  /// (定金五百块) is no price, but a maintenance fee named in the next clause does not hide the
  /// price before it, as a message-wide `unless` would.
  @Test(arguments: [
    ("做交易所八百块，上线后维护每月八千", true),
    ("做交易所先付定金八百块", false),
    ("做交易所八百块定金", false),
    ("做交易所定金八百块，尾款两千块", true),
    ("做交易所维护八百块", false),
    ("做交易所八百块 维护另算", false),
  ])
  func exceptWordsExcludeOnlyTheAmountOfTheirClause(text: String, fires: Bool) throws {
    let scanner = try PriceFixture.scanner(within: 0, except: ", except: [定金, 维护]")
    let signals = scanner.scan(line: text).filter { $0.suppressedReason == nil }
    #expect(signals.isEmpty != fires, "\(text)")
    #expect(try !PriceFixture.scanner(within: 0).scan(line: text).isEmpty, "without except every one is compared: \(text)")
  }

  @Test func exceptTakesTermSetsAndRefusesUnknownOnes() throws {
    let good = pack(
      terms: "  partial: [定金, 押金]",
      rules: """
          - id: price.anomaly
            title: 价格异常
            match:
              price: {services: [exchange], except: [$partial, 首付]}
            clauses: [interp2019.art11.4]
        """)
    let lexicon = try TestLexicon.load(files: ["market-prices.yml": PriceFixture.table(), "pack.yml": good])
    #expect(lexicon.rules.first?.price?.except == ["定金", "押金", "首付"])
    let bad = good.replacingOccurrences(of: "$partial", with: "$missing")
    let (_, diagnostics) = try TestLexicon.diagnostics(["market-prices.yml": PriceFixture.table(), "pack.yml": bad])
    #expect(diagnostics.contains { $0.code == "lexicon.unknown-term-ref" && $0.message.contains("'$missing'") })
  }

  @Test func reportsPriceRangeAndRatio() throws {
    let signal = try #require(try PriceFixture.scanner(within: 0).scan(line: "做交易所八百块").first)
    #expect(signal.values["priceFen"] == "80000")
    #expect(signal.values["service"] == "exchange")
    #expect(signal.values["rangeLowFen"] == "5000000")
    #expect(signal.values["rangeHighFen"] == "30000000")
    #expect(signal.values["ratio"] == "0.02")
    #expect(signal.values["priceDirection"] == "far below")
    #expect(signal.matched.map(\.text) == ["做交易所", "八百块"])
    #expect(
      signal.why
        == "price ¥800 for 交易所/交易平台 vs typical ¥50,000–300,000 (ratio 0.02 of low) · far below · no negation cue")
  }

  @Test func farAboveIsReportedAgainstTheHighEnd() throws {
    let signal = try #require(try PriceFixture.scanner(within: 0).scan(line: "做网站要十万块").first)
    #expect(signal.values["priceDirection"] == "far above")
    #expect(signal.why.contains("(ratio 3.33 of high) · far above"))
  }

  private func message(_ line: Int, _ text: String, chat: String = "老周") -> TextUnit {
    TextUnit(kind: .message, line: line, text: text, speaker: line.isMultiple(of: 2) ? "小李" : "老周", conversation: chat)
  }

  private func scan(_ units: [TextUnit]) throws -> [Signal] {
    try PriceFixture.scanner().scan(EvidenceDocumentFixture.document(units), subjects: ["小李"])
  }

  @Test func linksAnAmountToTheServiceOfAnEarlierMessage() throws {
    let signals = try scan([message(1, "帮我做交易所，带钱包"), message(2, "行"), message(3, "八千块，三天上线")])
    let signal = try #require(signals.first)
    #expect(signals.count == 1)
    #expect(signal.line == 3)
    #expect(signal.related == [RelatedUnit(path: "t.txt", line: 1, endLine: 1, role: "service")])
    #expect(signal.values["ratio"] == "0.16")
    #expect(signal.why.hasPrefix("service「做交易所」@L1, price ¥8,000 for 交易所/交易平台"))
  }

  @Test func doesNotLinkAcrossConversationsOrBeyondTheWindow() throws {
    #expect(try scan([message(1, "做交易所", chat: "群A"), message(3, "八千块")]).isEmpty)
    #expect(try scan([message(1, "做交易所"), message(2, "嗯"), message(3, "嗯"), message(4, "八千块")]).isEmpty)
    #expect(try scan([message(1, "八千块"), message(2, "做交易所")]).isEmpty)
  }

  @Test func anAmountWithItsOwnServiceIsNotLinkedToAnEarlierOne() throws {
    #expect(try scan([message(1, "做交易所"), message(2, "建站五千块")]).isEmpty)
  }

  @Test func convertsUSDTOnlyAtTheTableRate() throws {
    let converted = try #require(try PriceFixture.scanner(within: 0).scan(line: "做交易所一千U").first)
    #expect(converted.suppressedReason == nil)
    #expect(converted.values["priceFen"] == "700000")
    #expect(converted.values["rateFenPerUnit"] == "700")
    #expect(converted.values["currency"] == "USDT")
    #expect(converted.why.contains("price ¥7,000 (converted at ¥7 per USDT, price table rate)"))
  }

  @Test func skipsUSDTWithoutARateAndSaysSo() throws {
    let signal = try #require(try PriceFixture.scanner(rates: false, within: 0).scan(line: "做交易所一千U").first)
    #expect(signal.suppressedReason?.contains("no USDT→CNY rate") == true)
    #expect(signal.values["priceFen"] == nil)
    #expect(signal.values["priceDirection"] == "not compared")
  }

  @Test func explainShowsThePriceNode() throws {
    let explanation = try #require(try PriceFixture.scanner().explain(rule: "price.anomaly", text: "做交易所八百块"))
    #expect(explanation.tree.label == "price [exchange, website] below 0.3 above 3.0 near≤20 within 2 messages (one unit here)")
    #expect(explanation.tree.matched)
    #expect(explanation.tree.parts.map(\.text) == ["做交易所", "八百块"])
  }

  @Test(arguments: [
    ("维护费每月八百", ServicePrice.Unit.month),
    ("三千块一个月", .month),
    ("年费三千", .year),
    ("一天一千二", .day),
    ("三千块，一个月上线", nil),
    ("整套三千", nil),
  ] as [(String, ServicePrice.Unit?)])
  func readsThePeriodWrittenBesideTheAmount(text: String, period: ServicePrice.Unit?) throws {
    let scalars = Array(TextNormalizer.normalize(text).string.unicodeScalars)
    let amount = try #require(MoneyExtractor.amounts(in: scalars).first)
    #expect(PriceWording.period(start: amount.start, end: amount.end, in: scalars) == period, "\(text)")
  }
}
