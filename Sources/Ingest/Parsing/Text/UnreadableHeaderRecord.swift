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
  /// The key of the attribute holding the unread header line as written.
  static var unreadableHeaderAttribute: String { "unreadableHeader" }

  /// The unit of this record, whose header could not be read, in `conversation`, with `attributes`
  /// added to the unread header line.
  func unreadableHeaderUnit(in source: SourceText, conversation: String?, attributes: [String: String] = [:]) -> TextUnit {
    let headerText = source.line(headerLine)
    var attributes = attributes
    attributes[Self.unreadableHeaderAttribute] = String(headerText)
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

  /// The warning that this record's header could not be read, naming its lines and the header as
  /// written.
  func unreadableHeaderWarning(in source: SourceText) -> Diagnostic {
    let written = source.line(headerLine)
    let shown = written.count > 80 ? written.prefix(80) + "…" : written
    let end = body?.upperBound ?? headerLine
    let lines =
      end == headerLine ? "line \(source.fileLine(headerLine))" : "lines \(source.fileLine(headerLine))–\(source.fileLine(end))"
    return source.diagnostic(
      .warning, "ingest.unreadable-header", line: headerLine,
      "line \(source.fileLine(headerLine)): the message header \"\(shown)\" could not be read; the message on \(lines) is kept with its speaker and time unknown, not given to the message before it"
    )
  }
}
