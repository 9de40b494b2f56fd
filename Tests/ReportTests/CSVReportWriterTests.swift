import Foundation
import Ingest
import Signals
import Testing

@testable import Report

@Suite struct CSVReportWriterTests {
  /// The CSV of the sample case without its byte-order mark.
  func sampleText() -> String {
    String(decoding: CSVReportWriter().render(SampleCase.report()).dropFirst(3), as: UTF8.self)
  }

  @Test func startsWithAByteOrderMarkAndTheHeader() {
    let data = CSVReportWriter().render(SampleCase.report())
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(
      sampleText().hasPrefix(
        "id,path,line,endLine,speaker,speakerRole,time,rule,title,polarity,clauses,weight,"
          + "matched,excerpt,why,page,sheet,speakerAbsence,values,messageID\r\n"))
  }

  @Test func oneRowPerActiveFinding() {
    let report = SampleCase.report()
    let text = sampleText()
    #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 4)
    #expect(
      text.contains(
        "\(report.findings[1].id),case-a/老周.txt,11,12,小李,subject,2023-03-02T20:17:05+08:00,"
          + "payment.usdt,要求以USDT结算,inculpatory,interp2019.art11.3,0.6,U,可以，价格5万，走U,"
          + "U near 5万; no negation cue,,,,\"amountFen = 5000000 (¥50,000.00)\",\r\n"))
    #expect(text.contains("interp2019.art11.4;gambling2010.s2"))
    #expect(!text.contains("negated by 不\r\n"))
  }

  @Test func multiLineTextIsQuoted() {
    #expect(sampleText().contains("\"做个菠菜平台\n后台要能控制输赢，想让哪个号赢就让哪个号赢\""))
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
    ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("", ""),
    ("中文，全角逗号", "中文，全角逗号"),
  ])
  func fieldQuotingAndFormulaDefusing(raw: String, expected: String) {
    #expect(CSVReportWriter.field(raw) == expected)
  }

  @Test func hostileEvidenceCannotStartAFormula() {
    let document = EvidenceDocument(
      path: "evil.txt", sha256: String(repeating: "e", count: 64), bytes: 40, format: .plainText,
      encoding: "utf-8", status: .parsed,
      units: [TextUnit(kind: .line, line: 1, text: "=cmd|' /C calc'!A0 控制输赢", speaker: "@admin")])
    let signal = Signal(
      ruleID: "gambling.win-control", path: "evil.txt", unitIndex: 0, line: 1, endLine: 1,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 19, end: 23)], why: "-x")
    let report = CaseReport(
      documents: [document], signals: [signal], lexicon: SampleCase.lexicon, subjects: [])
    let text = String(decoding: CSVReportWriter().render(report).dropFirst(3), as: UTF8.self)
    let fields = text.components(separatedBy: "\r\n")[1].components(separatedBy: ",")
    #expect(fields.allSatisfy { !["=", "+", "-", "@"].contains($0.first.map(String.init)) })
    #expect(text.contains(",'@admin,"))
    #expect(text.contains(",'=cmd|' /C calc'!A0 控制输赢,"))
  }

  @Test func twoRunsAreByteIdentical() {
    #expect(
      CSVReportWriter().render(SampleCase.report()) == CSVReportWriter().render(SampleCase.report())
    )
  }
}
