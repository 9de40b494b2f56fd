/// A chat exported as a CSV table by other tools (PyWxDump `id,MsgSvrID,type_name,…,msg,…`,
/// chatlog `Time,SenderName,Sender,TalkerName,Talker,Content`, forensic reports with
/// 发送人/时间/内容 columns): one `message` unit per record, spanning its physical lines.
struct ChatTableCSVParser: BatchingParser {
  let format = DocumentFormat.chatTableCSV

  func detect(_ source: SourceText) -> Bool {
    guard let header = CSVRecords.headerRow(source), header.count >= 3 else { return false }
    return ChatTableColumns(header: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.offset, $0.element) })) != nil
  }

  /// Reads the records one at a time, never the whole table; the first record is the header.
  /// A table whose header names no content or sender column gives nothing.
  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
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
        diagnostics.append(
          source.diagnostic(
            .warning, "ingest.unparsed-line", line: record.firstLine,
            "line \(record.firstLine): CSV record has \(record.fields.count) fields, expected \(width); skipped"))
        return
      }
      let (unit, problem) = Self.unit(record, values: cells(record), columns: columns, source: source)
      if let problem { diagnostics.append(problem) }
      batches.append(unit)
    }
    guard header?.columns != nil else { return [] }
    if let line = unterminated {
      diagnostics.append(
        source.diagnostic(.warning, "ingest.unparsed-line", line: line, "line \(line): a quoted CSV field is never closed; the file may be truncated"))
    }
    return diagnostics
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
