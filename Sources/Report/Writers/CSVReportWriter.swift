import Foundation

/// Writes `findings.csv`: one row per active finding, for spreadsheets.
///
/// UTF-8 with a byte-order mark so that Excel shows Chinese; RFC 4180 quoting with CRLF row ends.
/// Evidence text is hostile: a field that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) gets a leading apostrophe.
public struct CSVReportWriter: Sendable {
  /// The header row, in column order.
  public static let columns = [
    "id", "path", "line", "endLine", "speaker", "speakerRole", "time", "rule", "title", "polarity",
    "clauses", "weight", "matched", "excerpt", "why",
  ]

  /// Creates a writer.
  public init() {}

  /// The CSV bytes of `report`'s active findings, in report order.
  public func render(_ report: CaseReport) -> Data {
    var text = CSVReportWriter.row(CSVReportWriter.columns)
    for finding in report.findings {
      text += CSVReportWriter.row([
        finding.id, finding.path, String(finding.line), String(finding.endLine),
        finding.speaker ?? "", finding.speakerRole.rawValue, finding.time?.iso8601 ?? "",
        finding.rule, finding.title, finding.polarity.rawValue,
        finding.clauses.joined(separator: ";"), String(finding.weight),
        finding.matched.joined(separator: ";"), finding.excerpt, finding.why,
      ])
    }
    return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
  }

  /// One CSV row ending in CRLF.
  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, defused against formula injection and quoted when RFC 4180 requires it.
  static func field(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      text = "'" + text
    }
    let needsQuotes = text.unicodeScalars.contains { ",\"\n\r".unicodeScalars.contains($0) }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
