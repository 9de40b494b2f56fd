import Foundation
import Ingest
import Signals
import Testing

@testable import Report

/// An amount a rule extracts (`extract: {price: amount}`) is shown with its currency in every
/// output, so that 三千U and 三千元 never read alike.
@Suite struct ExtractedAmountCurrencyTests {
  /// A chat quoting the same figure in U, in yuan, in dollars and with no currency.
  static let chat = EvidenceDocument(
    path: "微信-老周.txt", sha256: String(repeating: "4", count: 64), bytes: 200, format: .wechatMemoTraceTXT,
    encoding: "utf-8", status: .parsed,
    units: [
      TextUnit(kind: .message, line: 1, text: "控制输赢的后台，报价三千U", speaker: "小李"),
      TextUnit(kind: .message, line: 3, text: "控制输赢的后台，报价三千元", speaker: "小李"),
      TextUnit(kind: .message, line: 5, text: "控制输赢的后台，报价三千美金", speaker: "小李"),
      TextUnit(kind: .message, line: 7, text: "控制输赢的后台，报价三千", speaker: "小李"),
    ])

  static let currencies = ["USDT", "CNY", "USD", "unwritten"]

  static func report() -> CaseReport {
    let signals = zip(chat.units.indices, currencies).map { index, currency in
      Signal(
        ruleID: "gambling.win-control", path: chat.path, unitIndex: index, line: chat.units[index].line,
        endLine: chat.units[index].line, matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 0, end: 4)],
        speakerRole: .subject, values: ["price": "300000", "priceCurrency": currency], why: "控制输赢")
    }
    return CaseReport(documents: [chat], signals: signals, lexicon: SampleCase.lexicon, subjects: ["小李"])
  }

  @Test func valuesAreDescribedWithTheirCurrency() {
    #expect(
      FindingValues.described(["price": "300000", "priceCurrency": "USDT", "site": "a.test"])
        == ["price = 300000 (3,000.00 USDT)", "priceCurrency = USDT", "site = a.test"])
    #expect(FindingValues.described(["price": "300000", "priceCurrency": "CNY"]).first == "price = 300000 (¥3,000.00)")
    #expect(FindingValues.described(["price": "300000", "priceCurrency": "USD"]).first == "price = 300000 (US$3,000.00)")
    #expect(
      FindingValues.described(["price": "300000", "priceCurrency": "unwritten"]).first
        == "price = 300000 (3,000.00 (currency not written))")
    #expect(FindingValues.described(["amountFen": "300000", "currency": "USDT"]).first == "amountFen = 300000 (3,000.00 USDT)")
    #expect(FindingValues.described(["price": "300000"]) == ["price = 300000"], "no currency key: not read as an amount")
  }

  @Test func everyOutputTellsTheCurrenciesApart() throws {
    let report = Self.report()
    let html = HTMLReportWriter().render(report)
    for shown in ["3,000.00 USDT", "¥3,000.00", "US$3,000.00", "3,000.00 (currency not written)"] {
      #expect(html.contains("<p class=\"values\">Values: price = 300000 (\(shown)); priceCurrency = "), "\(shown)")
    }
    let file = try JSONDecoder().decode(FindingsFile.self, from: JSONReportWriter().render(report))
    #expect(file.findings.map { $0.values["priceCurrency"] } == Self.currencies)
    let csv = String(decoding: CSVReportWriter().render(report).dropFirst(3), as: UTF8.self)
    #expect(csv.contains("\"price = 300000 (3,000.00 USDT); priceCurrency = USDT\",\r\n"))
    #expect(csv.contains("\"price = 300000 (¥3,000.00); priceCurrency = CNY\",\r\n"))
    #expect(report.amounts.map(\.currency) == ["CNY", "USDT", "USD", AmountTotal.unwritten])
    #expect(report.amounts.allSatisfy { $0.totalFen == 300_000 })
  }
}
