/// A chat exported as a CSV table by other tools (PyWxDump `id,MsgSvrID,type_name,…,msg,…`,
/// chatlog `Time,SenderName,Sender,TalkerName,Talker,Content`, forensic reports with
/// 发送人/时间/内容 columns): one `message` unit per record, spanning its physical lines.
struct ChatTableCSVParser: DocumentParser {
  let format = DocumentFormat.chatTableCSV

  func detect(_ source: SourceText) -> Bool {
    guard let header = CSVRecords.headerRow(source), header.count >= 3 else { return false }
    return ChatTableColumns(header: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.offset, $0.element) })) != nil
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    let csv = CSVRecords(source)
    guard let header = csv.records.first else { return outcome }
    let cells = { (record: CSVRecords.Record) in
      Dictionary(uniqueKeysWithValues: record.fields.enumerated().map { ($0.offset, $0.element.value) })
    }
    guard let columns = ChatTableColumns(header: cells(header)) else { return outcome }
    for record in csv.records.dropFirst() {
      guard record.fields.count == header.fields.count else {
        outcome.diagnostics.append(
          source.diagnostic(
            .warning, "ingest.unparsed-line", line: record.firstLine,
            "line \(record.firstLine): CSV record has \(record.fields.count) fields, expected \(header.fields.count); skipped"))
        continue
      }
      let values = cells(record)
      let rawTime = columns.time.flatMap { values[$0] } ?? ""
      let time = ChatTableColumns.time(rawTime, options: source.options)
      if columns.time != nil && time == nil { outcome.diagnostics.append(source.badTime(line: record.firstLine, raw: rawTime)) }
      let text = values[columns.content] ?? ""
      let row = columns.pyWxDumpType.map { type in
        PyWxDumpRowKind(
          typeName: values[type] ?? "", text: text, source: columns.pyWxDumpSource.flatMap { values[$0] })
      }
      let kind = row?.kind ?? .message
      outcome.units.append(
        TextUnit(
          kind: kind, line: record.firstLine, endLine: record.lastLine, text: text,
          firstBodyLine: record.fields[columns.content].line, speaker: kind == .system ? nil : columns.speaker(values),
          time: time, conversation: columns.conversation.flatMap { values[$0] } ?? source.fileStem,
          attributes: row?.attributes ?? [:]))
    }
    if let line = csv.unterminatedQuoteLine {
      outcome.diagnostics.append(
        source.diagnostic(.warning, "ingest.unparsed-line", line: line, "line \(line): a quoted CSV field is never closed; the file may be truncated"))
    }
    return outcome
  }
}
