/// The unit and the warning of a record whose header line is an attempt at a header that could
/// not be read (`HeaderAttempt`, `HeaderRecords.LineRole.unreadableHeader`).
///
/// The unit is a `message` with no speaker and no time: whoever wrote it and when are unknown,
/// and never taken from the record before. Its text is its body lines; a record without body
/// lines has as text what follows the date and clock on its header line (a MemoTrace v1 notice is
/// written there; in the other formats it is the sender as written, kept rather than hidden).
/// The header line exactly as written is kept in `attributes["unreadableHeader"]`, for a reader
/// to weigh.
extension HeaderRecords.Record {
  /// The unit of this record, whose header could not be read, in `conversation`, with `attributes`
  /// added to the unread header line.
  func unreadableHeaderUnit(in source: SourceText, conversation: String?, attributes: [String: String] = [:]) -> TextUnit {
    let headerText = source.line(headerLine)
    var attributes = attributes
    attributes[HeaderAttempt.attribute] = String(headerText)
    guard let body else {
      let length = HeaderAttempt.timestampLength(headerText) ?? 0
      let rest = headerText.utf8.dropFirst(length).drop { $0 == 0x20 || $0 == 0x09 }
      return TextUnit(
        kind: .message, line: headerLine, text: String(Substring(rest)), conversation: conversation, attributes: attributes)
    }
    return TextUnit(
      kind: .message, line: headerLine, endLine: body.upperBound,
      text: source.text(from: body.lowerBound, through: body.upperBound), firstBodyLine: body.lowerBound,
      conversation: conversation, attributes: attributes)
  }

  /// The warning that this record's header could not be read (`SourceText.unreadableHeaderWarning`).
  func unreadableHeaderWarning(in source: SourceText) -> Diagnostic {
    source.unreadableHeaderWarning(line: headerLine, endLine: body?.upperBound ?? headerLine)
  }
}

extension SourceText {
  /// The warning that the header on `line` of a message ending on `endLine` could not be read,
  /// naming its lines and the header as written, and saying that its speaker and time are unknown.
  func unreadableHeaderWarning(line: Int, endLine: Int) -> Diagnostic {
    let written = self.line(line)
    let shown = written.count > 80 ? written.prefix(80) + "…" : written
    let lines = endLine == line ? "line \(fileLine(line))" : "lines \(fileLine(line))–\(fileLine(endLine))"
    return diagnostic(
      .warning, "ingest.unreadable-header", line: line,
      "line \(fileLine(line)): the message header \"\(shown)\" could not be read; the message on \(lines) is kept with its speaker and time unknown, not given to the message before it"
    )
  }
}

extension [Diagnostic] {
  /// Merges `warnings` (in line order) into these diagnostics (in line order), keeping line order
  /// and, on one line, these before those: the order in which a file read in pieces, each piece
  /// giving its diagnostics in line order, gives them too.
  mutating func mergeInLineOrder(_ warnings: [Diagnostic]) {
    guard !warnings.isEmpty else { return }
    self = (self + warnings).enumerated()
      .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
  }
}
