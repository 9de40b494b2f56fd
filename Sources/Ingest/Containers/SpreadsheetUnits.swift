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
        return TextUnit(kind: .row, line: row.number, text: values.joined(separator: "\t"), page: page, attributes: ["sheet": sheet])
      }
    }
    return rows.dropFirst().compactMap { row in
      guard !row.cells.isEmpty else { return nil }
      let rawTime = columns.time.flatMap { row.cells[$0] } ?? ""
      return TextUnit(
        kind: .message, line: row.number, text: row.cells[columns.content] ?? "", speaker: columns.speaker(row.cells),
        time: ChatTableColumns.time(rawTime, options: options),
        conversation: columns.conversation.flatMap { row.cells[$0] } ?? sheet, page: page, attributes: ["sheet": sheet])
    }
  }
}
