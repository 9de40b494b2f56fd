import Foundation

/// Writes `findings.csv`: one row per active finding, for spreadsheets (the suppressed findings are
/// listed with their reasons in `findings.json` and `index.html`, not here).
///
/// UTF-8 with a byte-order mark so that Excel shows Chinese; RFC 4180 quoting with CRLF row ends.
/// Evidence text is hostile: a field that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) gets a leading apostrophe. A report built by
/// `ScanPipeline.runSpilling` has its rows already rendered on disk; they are copied from there.
public struct CSVReportWriter: Sendable {
  /// The header row, in column order. Columns added later come last, so that the earlier ones
  /// keep their places: `page` (PDF page or XLSX sheet number, 1-based) and `sheet` (XLSX sheet
  /// name), where `line` counts within the page or sheet when they are set; `speakerAbsence`,
  /// why a finding without a speaker has none (`SpeakerAbsence`); `values`, the values the rule
  /// extracted (`FindingValues.csvField`); `messageID`, the message's id in its export.
  public static let columns = [
    "id", "path", "line", "endLine", "speaker", "speakerRole", "time", "rule", "title", "polarity",
    "clauses", "weight", "matched", "excerpt", "why", "page", "sheet", "speakerAbsence", "values", "messageID",
  ]

  /// The UTF-8 byte-order mark the file starts with.
  private static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

  /// Creates a writer.
  public init() {}

  /// The CSV bytes of `report`'s active findings, in report order; only the header for a spilled
  /// report whose scan was not asked for `.csv` (it renders no rows; `write(_:to:)` refuses it).
  public func render(_ report: CaseReport) -> Data {
    var data = Self.byteOrderMark + Data(CSVReportWriter.row(CSVReportWriter.columns).utf8)
    if let spilled = report.spilled {
      let next = spilled.batches(spilled.csvRows)
      while let batch = next() { batch.forEach { data.append($0) } }
      return data
    }
    var rows = ByteRun(capacity: 512 * report.findings.count)
    for finding in report.findings { CSVReportWriter.appendRow(for: finding, to: &rows) }
    return data + rows.withUnsafeBufferPointer { Data(buffer: $0) }
  }

  /// Writes the same bytes as `render` to `file`, replacing it; a spilled report's rows are
  /// copied a batch at a time.
  public func write(_ report: CaseReport, to file: URL) throws(ReportError) {
    if let spilled = report.spilled, !spilled.prepares(.csv) {
      throw .formatNotPrepared(path: file.path, format: .csv)
    }
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

  /// Appends the row of one finding, in UTF-8, to `bytes`.
  @inline(__always)
  static func appendRow(for finding: Finding, to bytes: inout ByteRun) {
    appendRow(for: finding, time: finding.time?.iso8601, to: &bytes)
  }

  /// Appends the row of `finding` as `appendRow(for:to:)` does, with `time` as its time: the
  /// finding's `time?.iso8601`, which the spill renders once for both findings files
  /// (`FindingTimeText`). Inlined, as `JSONReportWriter.write(_:time:to:)`.
  @inline(__always)
  static func appendRow(for finding: Finding, time: String?, to bytes: inout ByteRun) {
    appendField(finding.id, to: &bytes)
    // Field by field, in `columns` order, each after a comma (no array of the values is made).
    func next(_ value: String) {
      bytes.append(UInt8(ascii: ","))
      appendField(value, to: &bytes)
    }
    next(finding.path)
    next(String(finding.line))
    next(String(finding.endLine))
    next(finding.speaker ?? "")
    next(finding.speakerRole.rawValue)
    next(time ?? "")
    next(finding.rule)
    next(finding.title)
    next(finding.polarity.rawValue)
    next(finding.clauses.joined(separator: ";"))
    next(String(finding.weight))
    next(finding.parts.map(\.text).joined(separator: ";"))
    next(finding.excerpt)
    next(finding.why)
    next(finding.page.map(String.init) ?? "")
    next(finding.sheet ?? "")
    next(finding.speakerAbsence?.rawValue ?? "")
    next(FindingValues.csvField(finding.values))
    next(finding.messageID ?? "")
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  /// Appends `field(value)` to `bytes`, copying the value's bytes when it holds no double quote
  /// (the only case `field` rewrites the text in).
  static func appendField(_ value: String, to bytes: inout ByteRun) {
    var text = value
    let written = text.withUTF8 { utf8 -> Bool in
      guard !ByteScan.holdsQuote(utf8) else { return false }
      let needsQuotes = ByteScan.needsCSVQuotes(utf8)
      if needsQuotes { bytes.append(0x22) }
      if let first = utf8.first, startsFormula(first) { bytes.append(UInt8(ascii: "'")) }
      bytes.append(contentsOf: utf8)
      if needsQuotes { bytes.append(0x22) }
      return true
    }
    if !written { bytes.append(contentsOf: field(value).utf8) }
  }

  /// Whether a field starting with `byte` would be read as a formula by a spreadsheet: `=`, `+`,
  /// `-`, `@`, tab and carriage return.
  private static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
    default: false
    }
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
