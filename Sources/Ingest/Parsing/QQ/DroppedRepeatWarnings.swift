/// The warnings on the header lines of `最近联系人` messages dropped as repeats
/// (`RecentContactDuplicates`). An unreadable header or a time that is not valid is warned of on
/// every line it stands on, a dropped repeat's too; but a dropped message is not kept, so its
/// warning says that it was dropped and where its words are cited, instead of the usual "kept".
enum DroppedRepeatWarnings {
  /// `diagnostics` of `source` with the `ingest.unreadable-header` and `ingest.bad-time` warnings
  /// on the header lines of `dropped` (records of `source` dropped as repeats) reworded.
  static func reword(
    _ diagnostics: [Diagnostic], dropped: [HeaderRecords<QQHeader.Stamp>.Record], source: SourceText
  ) -> [Diagnostic] {
    guard !dropped.isEmpty else { return diagnostics }
    let byLine = Dictionary(dropped.map { ($0.headerLine, $0) }, uniquingKeysWith: { first, _ in first })
    return diagnostics.map { diagnostic in
      guard let line = diagnostic.line, let record = byLine[line] else { return diagnostic }
      var reworded = diagnostic
      switch diagnostic.code {
      case "ingest.unreadable-header": reworded.message = unreadableHeaderMessage(record, source: source)
      case "ingest.bad-time":
        guard let stamp = record.header else { return diagnostic }
        reworded.message = badTimeMessage(record, raw: stamp.rawTime(in: source.line(record.headerLine)), source: source)
      default: return diagnostic
      }
      return reworded
    }
  }

  /// What became of a dropped repeat.
  private static let droppedRepeat = "in the \(QQBlocks.recentContactsGroup) block, repeats a message of another block and is dropped"

  /// The warning that the header of the dropped `record` could not be read.
  static func unreadableHeaderMessage(_ record: HeaderRecords<QQHeader.Stamp>.Record, source: SourceText) -> String {
    let written = source.line(record.headerLine)
    let shown = written.count > 80 ? written.prefix(80) + "…" : written
    let first = source.fileLine(record.headerLine)
    let last = source.fileLine(record.body?.upperBound ?? record.headerLine)
    let lines = first == last ? "line \(first)" : "lines \(first)–\(last)"
    return
      "line \(first): the message header \"\(shown)\" could not be read; the message on \(lines), \(droppedRepeat): its words are cited there, with their speaker and time unknown"
  }

  /// The warning that the time `raw` of the dropped `record` is not valid.
  static func badTimeMessage(_ record: HeaderRecords<QQHeader.Stamp>.Record, raw: String, source: SourceText) -> String {
    "line \(source.fileLine(record.headerLine)): the time \"\(raw)\" is not a valid date and time (or is before 1970); the message, \(droppedRepeat): its words are cited there, without a time"
  }
}
