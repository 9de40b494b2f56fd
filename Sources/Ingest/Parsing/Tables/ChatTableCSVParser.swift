/// A chat exported as a CSV table by other tools (PyWxDump `id,MsgSvrID,type_name,…,msg,…`,
/// chatlog `Time,SenderName,Sender,TalkerName,Talker,Content`, forensic reports with
/// 发送人/时间/内容 columns): one `message` unit per record, spanning its physical lines.
struct ChatTableCSVParser: DocumentParser {
  let format = DocumentFormat.chatTableCSV

  func detect(_ source: SourceText) -> Bool {
    guard let header = CSVRecords.headerRow(source), header.count >= 3 else { return false }
    return ChatTableColumns(header: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.offset, $0.element) })) != nil
  }

  /// How many units a large table hands over at a time.
  static let batchSize = 8_192

  func parse(_ source: SourceText) -> ParseOutcome { parse(source, batchSize: .max) { _ in } }

  func parse(_ source: SourceText, delivering deliver: ([TextUnit]) -> Void) -> ParseOutcome {
    parse(source, batchSize: Self.batchSize, deliver: deliver)
  }

  /// Reads the records one at a time, never the whole table; the first record is the header.
  private func parse(_ source: SourceText, batchSize: Int, deliver: ([TextUnit]) -> Void) -> ParseOutcome {
    var outcome = ParseOutcome()
    let cells = { (record: CSVRecords.Record) in
      Dictionary(uniqueKeysWithValues: record.fields.enumerated().map { ($0.offset, $0.element.value) })
    }
    var header: (width: Int, columns: ChatTableColumns?)?
    let unterminated = CSVRecords.read(source) { record in
      guard let (width, found) = header else {
        header = (record.fields.count, ChatTableColumns(header: cells(record)))
        return
      }
      guard let columns = found else { return }
      guard record.fields.count == width else {
        outcome.diagnostics.append(
          source.diagnostic(
            .warning, "ingest.unparsed-line", line: record.firstLine,
            "line \(record.firstLine): CSV record has \(record.fields.count) fields, expected \(width); skipped"))
        return
      }
      let (unit, problem) = Self.unit(record, values: cells(record), columns: columns, source: source)
      if let problem { outcome.diagnostics.append(problem) }
      outcome.units.append(unit)
      if outcome.units.count >= batchSize {
        deliver(outcome.units)
        outcome.units.removeAll(keepingCapacity: true)
      }
    }
    guard header?.columns != nil else { return ParseOutcome() }
    if let line = unterminated {
      outcome.diagnostics.append(
        source.diagnostic(.warning, "ingest.unparsed-line", line: line, "line \(line): a quoted CSV field is never closed; the file may be truncated"))
    }
    return outcome
  }

  /// The unit of one record, and a diagnostic when its time does not parse.
  private static func unit(
    _ record: CSVRecords.Record, values: [Int: String], columns: ChatTableColumns, source: SourceText
  ) -> (TextUnit, Diagnostic?) {
    let rawTime = columns.time.flatMap { values[$0] } ?? ""
    let time = ChatTableColumns.time(rawTime, options: source.options)
    let problem = columns.time != nil && time == nil ? source.badTime(line: record.firstLine, raw: rawTime) : nil
    let text = values[columns.content] ?? ""
    let row = columns.pyWxDumpType.map { type in
      PyWxDumpRowKind(
        typeName: values[type] ?? "", text: text, source: columns.pyWxDumpSource.flatMap { values[$0] })
    }
    let kind = row?.kind ?? .message
    let unit = TextUnit(
      kind: kind, line: record.firstLine, endLine: record.lastLine, text: text,
      firstBodyLine: record.fields[columns.content].line, speaker: kind == .system ? nil : columns.speaker(values),
      time: time, conversation: columns.conversation.flatMap { values[$0] } ?? source.fileStem,
      attributes: row?.attributes ?? [:])
    return (unit, problem)
  }
}
