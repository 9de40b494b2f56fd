import Foundation
import Ingest
import Signals
import Testing

@testable import Report

/// A finding without a speaker says why in every output: "speaker unknown" for a chat message
/// whose header could not be read, nothing for a document that has no speakers at all.
@Suite struct SpeakerLabelTests {
  /// A chat whose second message's header could not be read, with a system notice.
  static let chat = EvidenceDocument(
    path: "微信-老周.txt", sha256: String(repeating: "1", count: 64), bytes: 300, format: .wechatMemoTraceTXT,
    encoding: "utf-8", status: .parsed,
    units: [
      TextUnit(kind: .message, line: 1, endLine: 2, text: "在吗", firstBodyLine: 2, speaker: "老周"),
      TextUnit(
        kind: .message, line: 4, endLine: 5, text: "后台要能控制输赢，收五千元", firstBodyLine: 5,
        attributes: ["unreadableHeader": "2023-13-45 99:99 老周"]),
      TextUnit(kind: .system, line: 7, text: "老周撤回了一条消息，控制输赢"),
    ])

  /// A contract: paragraphs, no speakers.
  static let contract = EvidenceDocument(
    path: "合同.docx", sha256: String(repeating: "2", count: 64), bytes: 900, format: .docx, status: .parsed,
    units: [TextUnit(kind: .paragraph, line: 3, text: "乙方应在后台提供控制输赢功能，费用八千元")])

  static func signal(_ document: EvidenceDocument, unit: Int, start: Int) -> Signal {
    let line = document.units[unit].line
    return Signal(
      ruleID: "gambling.win-control", path: document.path, unitIndex: unit, line: line,
      endLine: document.units[unit].endLine,
      matched: [MatchedPart(term: "控制输赢", text: "控制输赢", start: start, end: start + 4)], why: "控制输赢")
  }

  static func report() -> CaseReport {
    CaseReport(
      documents: [chat, contract],
      signals: [signal(chat, unit: 1, start: 4), signal(chat, unit: 2, start: 10), signal(contract, unit: 0, start: 7)],
      lexicon: SampleCase.lexicon, subjects: ["老周"])
  }

  @Test(arguments: [
    (TextUnit(kind: .message, line: 1, text: "x", speaker: "老周"), nil),
    (TextUnit(kind: .message, line: 1, text: "x", attributes: ["unreadableHeader": "2023-13-45 x"]), .unreadableHeader),
    (TextUnit(kind: .message, line: 1, text: "x"), .unnamed),
    (TextUnit(kind: .transfer, line: 1, text: "x", speaker: ""), .unnamed),
    (TextUnit(kind: .system, line: 1, text: "x"), .systemNotice),
    (TextUnit(kind: .paragraph, line: 1, text: "x"), .document),
    (TextUnit(kind: .row, line: 1, text: "x"), .document),
    (TextUnit(kind: .line, line: 1, text: "x"), .document),
    (TextUnit(kind: .elided, line: 1, text: ""), nil),
  ] as [(TextUnit, SpeakerAbsence?)])
  func aUnitWithoutSpeakerSaysWhy(_ unit: TextUnit, _ expected: SpeakerAbsence?) {
    #expect(SpeakerAbsence(unit: unit) == expected)
  }

  @Test func findingsCarryWhyTheyHaveNoSpeaker() {
    let findings = Self.report().findings
    // Report order: 合同.docx sorts before 微信-老周.txt.
    #expect(findings.map(\.speakerAbsence) == [.document, .unreadableHeader, .systemNotice])
    #expect(findings.map(\.speakerLabel) == [nil, "speaker unknown", "system notice"])
  }

  @Test func theHTMLSaysSpeakerUnknownAndNothingForADocument() {
    let html = HTMLReportWriter().render(Self.report())
    #expect(!html.contains(">no speaker") && !html.contains("class=\"warning\""))
    #expect(html.contains("<p class=\"meta\">speaker unknown · <a class=\"loc\""))
    #expect(html.contains("<p class=\"meta\">system notice · <a class=\"loc\""))
    #expect(html.contains("<p class=\"meta\"><a class=\"loc\""), "a contract clause shows its place and no speaker")
    #expect(html.contains("<td class=\"who\">speaker unknown</td>"), "the context table too")
    #expect(html.contains("\">4</a></td><td>speaker unknown</td><td></td></tr>"), "and the source view's header line")
    #expect(html.contains("<tr><td>speaker unknown</td><td>unknown</td><td>CNY</td><td>¥5,000.00"))
    #expect(html.contains("<tr><td>document text (no speakers)</td><td>unknown</td><td>CNY</td><td>¥8,000.00"))
  }

  @Test func theJSONAndCSVCarryTheReasonBesideTheEmptySpeaker() throws {
    let report = Self.report()
    let file = try JSONDecoder().decode(FindingsFile.self, from: JSONReportWriter().render(report))
    #expect(file.findings.map(\.speakerAbsence) == ["document", "unreadableHeader", "systemNotice"])
    #expect(file.findings.allSatisfy { $0.speaker == nil })
    let csv = String(decoding: CSVReportWriter().render(report).dropFirst(3), as: UTF8.self)
    let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let column = try #require(CSVReportWriter.columns.firstIndex(of: "speakerAbsence"))
    #expect(rows.dropFirst().map { String($0[column]) } == ["document", "unreadableHeader", "systemNotice"])
  }

  @Test func aTimelineWithoutSpeakerIsNamedByWhy() {
    let timed = TextUnit(
      kind: .system, line: 1, text: "控制输赢", time: SampleCase.time(10, 0, 0))
    let notice = EvidenceDocument(
      path: "群.txt", sha256: String(repeating: "3", count: 64), bytes: 10, format: .wechatMemoTraceTXT, status: .parsed,
      units: [timed])
    let report = CaseReport(
      documents: [notice], signals: [Self.signal(notice, unit: 0, start: 0)], lexicon: SampleCase.lexicon, subjects: [])
    let html = HTMLReportWriter().render(report)
    #expect(html.contains("<h3>system notice <span class=\"role\">unknown</span></h3>"))
  }
}
