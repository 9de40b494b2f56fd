/// Turns worksheet rows into units: chat rows when the header row names a sender and a content
/// column (MemoTrace 2.x XLSX, forensic-tool reports), else one `row` unit per row.
/// `line` is the row number and `page` the sheet's position in the workbook.
enum SpreadsheetUnits {
  /// The units of one sheet.
  static func units(_ rows: [SpreadsheetText.Row], sheet: String, page: Int, options: IngestOptions) -> [TextUnit] {
    guard let header = rows.first, let columns = ChatTableColumns(header: header.cells) else {
      return rows.compactMap { row in
        let values = row.values
        guard !values.isEmpty else { return nil }
        let text = values.joined(separator: "\t")
        var unit = TextUnit(kind: .row, line: row.number, text: text, page: page, attributes: ["sheet": sheet])
        unit.textLines = TextUnit.sameLine(row.number, for: text)
        return unit
      }
    }
    return rows.dropFirst().compactMap { row in
      guard !row.cells.isEmpty else { return nil }
      let rawTime = columns.time.flatMap { row.cells[$0] } ?? ""
      let text = row.cells[columns.content] ?? ""
      var unit = TextUnit(
        kind: .message, line: row.number, text: text, speaker: columns.speaker(row.cells),
        time: ChatTableColumns.time(rawTime, options: options),
        conversation: columns.conversation.flatMap { row.cells[$0] } ?? sheet, page: page, attributes: ["sheet": sheet])
      unit.textLines = TextUnit.sameLine(row.number, for: text)
      return unit
    }
  }
}
