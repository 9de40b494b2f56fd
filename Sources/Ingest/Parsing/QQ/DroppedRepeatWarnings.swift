/// The diagnostics on the lines of `最近联系人` messages dropped as repeats
/// (`RecentContactDuplicates`). An unreadable header, a time that is not valid or a header-like
/// body line is reported on every line it stands on, a dropped repeat's too; but a dropped
/// message is not kept, so its diagnostic says that it was dropped and where its words are cited,
/// instead of the usual "kept".
enum DroppedRepeatWarnings {
  /// `diagnostics` of `source` with the `ingest.unreadable-header` and `ingest.bad-time` warnings
  /// on the header lines, and the `ingest.header-like-body-line` notes on the body lines, of
  /// `dropped` (records of `source` dropped as repeats, in file order) reworded.
  static func reword(
    _ diagnostics: [Diagnostic], dropped: [HeaderRecords<QQHeader.Stamp>.Record], source: SourceText
  ) -> [Diagnostic] {
    guard !dropped.isEmpty else { return diagnostics }
    return diagnostics.map { diagnostic in
      guard let line = diagnostic.line, let record = record(at: line, in: dropped) else { return diagnostic }
      var reworded = diagnostic
      switch diagnostic.code {
      case "ingest.unreadable-header" where line == record.headerLine:
        reworded.message = unreadableHeaderMessage(record, source: source)
      case "ingest.bad-time" where line == record.headerLine:
        guard let stamp = record.header else { return diagnostic }
        reworded.message = badTimeMessage(record, raw: stamp.rawTime(in: source.line(record.headerLine)), source: source)
      case "ingest.header-like-body-line" where record.body?.contains(line) == true:
        reworded.message = headerLikeBodyLineMessage(line: line, source: source)
      default:
        return diagnostic
      }
      return reworded
    }
  }

  /// The last of `records` (in file order) whose header is on or before `line`.
  private static func record(
    at line: Int, in records: [HeaderRecords<QQHeader.Stamp>.Record]
  ) -> HeaderRecords<QQHeader.Stamp>.Record? {
    var low = 0
    var high = records.count
    while low < high {
      let middle = (low + high) / 2
      if records[middle].headerLine <= line { low = middle + 1 } else { high = middle }
    }
    return low > 0 ? records[low - 1] : nil
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

  /// The note that `line`, in the body of a dropped repeat, looks like a message header.
  static func headerLikeBodyLineMessage(line: Int, source: SourceText) -> String {
    "line \(source.fileLine(line)) looks like a message header but follows a body line without a blank line; it is text of a message that, \(droppedRepeat): it is cited there"
  }
}
