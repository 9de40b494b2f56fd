import Foundation

/// Writes `findings.csv`: one row per active finding, for spreadsheets.
///
/// UTF-8 with a byte-order mark so that Excel shows Chinese; RFC 4180 quoting with CRLF row ends.
/// Evidence text is hostile: a field that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) gets a leading apostrophe. A report built by
/// `ScanPipeline.runSpilling` has its rows already rendered on disk; they are copied from there.
public struct CSVReportWriter: Sendable {
  /// The header row, in column order.
  public static let columns = [
    "id", "path", "line", "endLine", "speaker", "speakerRole", "time", "rule", "title", "polarity",
    "clauses", "weight", "matched", "excerpt", "why",
  ]

  /// The UTF-8 byte-order mark the file starts with.
  private static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

  /// Creates a writer.
  public init() {}

  /// The CSV bytes of `report`'s active findings, in report order.
  public func render(_ report: CaseReport) -> Data {
    var data = Self.byteOrderMark + Data(CSVReportWriter.row(CSVReportWriter.columns).utf8)
    if let spilled = report.spilled {
      let next = spilled.batches(spilled.csvRows)
      while let batch = next() { batch.forEach { data.append($0) } }
      return data
    }
    var text = ""
    for finding in report.findings { text += CSVReportWriter.row(for: finding) }
    return data + Data(text.utf8)
  }

  /// Writes the same bytes as `render` to `file`, replacing it; a spilled report's rows are
  /// copied a batch at a time.
  public func write(_ report: CaseReport, to file: URL) throws(ReportError) {
    guard let spilled = report.spilled else {
      do {
        try render(report).write(to: file)
      } catch {
        throw .cannotWrite(path: file.path, reason: error.localizedDescription)
      }
      return
    }
    guard FileManager.default.createFile(atPath: file.path, contents: nil),
      let handle = try? FileHandle(forWritingTo: file)
    else { throw .cannotWrite(path: file.path, reason: "the file cannot be created") }
    var failure: String?
    do {
      try handle.write(contentsOf: Self.byteOrderMark + Data(CSVReportWriter.row(CSVReportWriter.columns).utf8))
      let next = spilled.batches(spilled.csvRows)
      while let batch = next() {
        for block in batch { try handle.write(contentsOf: block) }
      }
      try handle.close()
    } catch {
      failure = error.localizedDescription
    }
    if let failure = failure ?? spilled.store.failure?.description {
      throw .cannotWrite(path: file.path, reason: failure)
    }
  }

  /// The row of one finding.
  static func row(for finding: Finding) -> String {
    row([
      finding.id, finding.path, String(finding.line), String(finding.endLine),
      finding.speaker ?? "", finding.speakerRole.rawValue, finding.time?.iso8601 ?? "",
      finding.rule, finding.title, finding.polarity.rawValue,
      finding.clauses.joined(separator: ";"), String(finding.weight),
      finding.matched.joined(separator: ";"), finding.excerpt, finding.why,
    ])
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
