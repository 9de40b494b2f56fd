import Foundation
import Ingest
import Signals
import Testing

@testable import Report

/// The findings.json entries and findings.csv rows written straight as bytes are those of the
/// reference renderings (`JSONEncoder`, and `CSVReportWriter.row` of the fields), for text that
/// needs escaping, quoting or defusing in every field.
@Suite struct HostileFindingRenderingTests {
  /// Texts that hit every escape: quotes, backslashes, control characters, CR/LF, a formula
  /// start, a quote before a combining mark, slashes, non-BMP characters.
  static let hostile = [
    "plain 中文", "say \"hi\"", "back\\slash", "nul\u{0}bell\u{7}bs\u{8}ff\u{C}", "tab\there", "\r\nCRLF",
    "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tlead", "a,b", "\"\u{301}quoted", "a/b/c", "💰🧧", "\u{1F}\u{7F}", "",
  ]

  /// One finding per hostile text, that text in every string field; every other finding
  /// suppressed, and values of none, one and several keys.
  static func findings() -> [Finding] {
    hostile.enumerated().map { index, text in
      let values: [String: String] =
        switch index % 3 {
        case 0: [:]
        case 1: ["amountFen": text]
        default: ["b": text, "a": "1", "B": "2", "中": text, "a\u{301}": "3"]
        }
      return Finding(
        id: "f-\(index)\(text)", rule: "r.\(text)", title: text, level: .high, path: "p/\(text).txt",
        unitIndex: index, line: index + 1, endLine: index + 2, page: index % 2 == 0 ? nil : index,
        sheet: index % 3 == 1 ? text : nil, speaker: index % 4 == 0 ? nil : text, speakerRole: .subject,
        time: index % 5 == 0 ? nil : ChatTime(epochSeconds: 1_700_000_000 + Int64(index), utcOffsetSeconds: -5 * 3600, raw: text),
        excerpt: text, parts: [MatchedPart(term: text, text: text, start: 0, end: 1), MatchedPart(term: "x", text: "x;\(text)", start: 2, end: 3)],
        polarity: index % 2 == 0 ? .inculpatory : .exculpatory, clauses: index % 3 == 0 ? [] : [text, "c.2"],
        weight: [0, 0.5, 1, 0.123456789][index % 4], values: values,
        related: [RelatedUnit(path: text, line: 1, endLine: 2, role: text)], why: text,
        reason: index % 2 == 0 ? nil : text)
    }
  }

  /// A report holding `findings()` as they are.
  static func report() -> CaseReport {
    let all = findings()
    return CaseReport(
      subjects: ["小李"], lexicons: [], catalogue: ClauseCatalogue(entries: []), documents: [],
      findings: all.filter { !$0.isSuppressed }, suppressed: all.filter(\.isSuppressed), clauses: [],
      amounts: [], timeline: [])
  }

  @Test func findingsJSONIsWhatJSONEncoderWrites() throws {
    let report = Self.report()
    let rendered = try FindingsFileParity.expectRenderedEqualsEncoded(report)
    #expect(try JSONDecoder().decode(FindingsFile.self, from: rendered) == FindingsFile(report))
  }

  @Test func eachCSVRowIsTheRowOfItsFields() {
    for finding in Self.findings() {
      var bytes = ByteRun(capacity: 0)
      CSVReportWriter.appendRow(for: finding, to: &bytes)
      let fields = [
        finding.id, finding.path, String(finding.line), String(finding.endLine), finding.speaker ?? "",
        finding.speakerRole.rawValue, finding.time?.iso8601 ?? "", finding.rule, finding.title,
        finding.polarity.rawValue, finding.clauses.joined(separator: ";"), String(finding.weight),
        finding.matched.joined(separator: ";"), finding.excerpt, finding.why,
        finding.page.map(String.init) ?? "", finding.sheet ?? "", finding.speakerAbsence?.rawValue ?? "",
        FindingValues.csvField(finding.values), finding.messageID ?? "",
      ]
      #expect(bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } == CSVReportWriter.row(fields))
    }
  }

  @Test(arguments: hostile)
  func aFieldIsAppendedAsFieldQuotesIt(text: String) {
    var bytes = ByteRun(capacity: 0)
    CSVReportWriter.appendField(text, to: &bytes)
    #expect(bytes.withUnsafeBufferPointer(Array.init) == Array(CSVReportWriter.field(text).utf8))
  }
}
