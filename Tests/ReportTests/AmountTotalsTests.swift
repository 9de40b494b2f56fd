import Signals
import Testing

@testable import Report

/// Amount totals: one per speaker and currency, read from the messages of active inculpatory
/// findings, never adding USDT to yuan.
struct AmountTotalsTests {
  /// An active finding of `rule` on unit `unit` of `chat.txt`, said by 阿杰.
  static func finding(
    _ id: String, unit: Int, excerpt: String, rule: String = "tech.any", values: [String: String] = [:],
    polarity: Polarity = .inculpatory, reason: String? = nil
  ) -> Finding {
    Finding(
      id: id, rule: rule, title: rule, level: .medium, path: "chat.txt", unitIndex: unit, line: unit * 3 + 1,
      endLine: unit * 3 + 2, speaker: "阿杰", speakerRole: .subject, excerpt: excerpt, parts: [],
      polarity: polarity, clauses: ["interp2019.art11.3"], weight: 0.5, values: values, why: "test", reason: reason)
  }

  /// The QA case: 三千U from a `money` rule, 五千元 and 两万 from rules without one.
  static let mixed = [
    finding(
      "f-1", unit: 0, excerpt: "域名池加服务器一个月三千U", rule: "tech.pay-crypto",
      values: ["amountFen": "300000", "currency": "USDT"]),
    finding("f-2", unit: 1, excerpt: "菠菜平台整套五千元，源码直接给你"),
    finding("f-3", unit: 2, excerpt: "押金两万，明天打过来"),
  ]

  @Test func currenciesAreTotalledApartAndYuanAmountsWithoutAMoneyRuleCount() {
    let totals = AmountSummarizer.totals(of: Self.mixed, subjects: ["阿杰"])
    #expect(totals.map(\.currency) == ["CNY", "USDT", AmountTotal.unwritten])
    #expect(totals.map(\.totalFen) == [500_000, 300_000, 2_000_000])
    #expect(totals.map(\.formatted) == ["¥5,000.00", "3,000.00 USDT", "20,000.00 (currency not written)"])
    #expect(totals.map(\.findingIDs) == [["f-2"], ["f-1"], ["f-3"]])
  }

  @Test func aRuleCurrencyNamesTheSameAmountWrittenWithoutOneAndCountsItOnce() {
    let findings = [
      Self.finding(
        "f-1", unit: 0, excerpt: "交易所整套两万包上线", rule: "tech.price-far-below",
        values: ["amountFen": "2000000", "currency": "CNY"]),
      Self.finding("f-2", unit: 0, excerpt: "交易所整套两万包上线", rule: "tech.whole-build"),
    ]
    let totals = AmountSummarizer.totals(of: findings, subjects: [])
    #expect(totals.count == 1)
    #expect(totals.first?.currency == "CNY")
    #expect(totals.first?.totalFen == 2_000_000)
    #expect(totals.first?.findingIDs == ["f-1"])
  }

  @Test func countsOrdinalsSharesAndBareNumbersAreNotMoney() {
    let written = [
      "每天一百个域名池轮着用", "第一千条消息", "佣金百分之八", "账号8500", "三千条数据",
    ].map { AmountEntry.entries(of: [Self.finding("f-1", unit: 0, excerpt: $0)]) }
    #expect(written.allSatisfy { $0.isEmpty })
  }

  @Test func anExtractedPriceIsCountedFromTheTextNotFromItsValue() {
    let finding = Self.finding(
      "f-1", unit: 0, excerpt: "长期收四件套，一套一千五，要一类卡", rule: "pay.card-trading", values: ["price": "150000"])
    let entries = AmountEntry.entries(of: [finding])
    #expect(entries.map(\.fen) == [150_000])
    #expect(entries.map(\.currency) == [AmountTotal.unwritten])
  }

  @Test func exculpatoryAndSuppressedFindingsBringNoAmount() {
    let findings = [
      Self.finding("f-1", unit: 0, excerpt: "开发费五千元", polarity: .exculpatory),
      Self.finding("f-2", unit: 1, excerpt: "开发费八千元", reason: "negated by 不"),
    ]
    #expect(AmountEntry.entries(of: findings).isEmpty)
  }

  @Test func theHTMLTableShowsEachCurrencyAndOffersOnlyYuanForTheThresholds() {
    var report = SampleCase.report()
    report.amounts = AmountSummarizer.totals(of: Self.mixed, subjects: ["阿杰"])
    let html = HTMLReportWriter().render(report)
    #expect(html.contains("<td>CNY</td><td>¥5,000.00</td>"))
    #expect(html.contains("<td>USDT</td><td>3,000.00 USDT <span class=\"note\">not comparable"))
    #expect(!html.contains("¥3,000.00"))
    #expect(!html.contains("¥25,000.00"))
  }

  @Test(arguments: [
    (Int64(300_000), "USDT", "3,000.00 USDT"), (123_456, "USD", "US$1,234.56"), (5, "CNY", "¥0.05"),
    (150_000, AmountTotal.unwritten, "1,500.00 (currency not written)"),
  ])
  func formatting(hundredths: Int64, currency: String, expected: String) {
    #expect(AmountTotal.format(hundredths, currency: currency) == expected)
  }
}
