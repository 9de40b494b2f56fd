import Ingest
import Signals
import Testing

@testable import Report

/// Source views place each text line on the file line the parser recorded, not on
/// `firstBodyLine + k`, when the two differ (JSON `\n` escapes, DOCX breaks).
@Suite struct SourceViewLineMappingTests {
  @Test func textLinesFromOneJSONStringStayOnTheirFileLine() {
    var unit = TextUnit(
      kind: .message, line: 4, endLine: 6, text: "第一句\n控制输赢\n第三句", firstBodyLine: 5,
      speaker: "老周")
    unit.textLines = [5, 5, 6]
    let document = EvidenceDocument(
      path: "result.json", sha256: String(repeating: "d", count: 64), bytes: 300,
      format: .telegramJSON, encoding: "utf-8", status: .parsed, units: [unit])
    let signal = Signal(
      ruleID: "gambling.win-control", path: "result.json", unitIndex: 0, line: 4, endLine: 6,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: 4, end: 8)], why: "test")
    let report = CaseReport(
      documents: [document], signals: [signal], lexicon: SampleCase.lexicon, subjects: [])
    let html = HTMLReportWriter().render(report)
    let row5 = row(html, line: 5)
    #expect(row5.contains("第一句<br>"), "both text lines of file line 5 are shown on it")
    #expect(row5.contains("<mark"), "the highlight lands on file line 5")
    #expect(row(html, line: 6).contains("第三句"))
  }

  /// The source-view row whose anchor ends in `-L<line>`.
  private func row(_ html: String, line: Int) -> String {
    guard let start = html.range(of: #"<tr id="[^"]*-L\#(line)""#, options: .regularExpression),
      let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
    else { return "" }
    return String(html[start.lowerBound..<end.lowerBound])
  }
}
