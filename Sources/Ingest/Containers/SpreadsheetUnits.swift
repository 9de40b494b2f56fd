/// Turns worksheet rows into units: chat rows when the header row names a sender and a content
/// column (MemoTrace 2.x XLSX, forensic-tool reports), else one `row` unit per row.
/// `line` is the row number and `page` the sheet's position in the workbook.
enum SpreadsheetUnits {
  /// Header names for each role (export-formats.md §6), in order of preference.
  static let contentHeaders = ["内容", "消息内容", "Content", "Body", "Message"]
  static let senderHeaders = ["备注", "昵称", "发送人", "发送者", "发送方", "Sender", "From"]
  static let timeHeaders = ["时间", "发送时间", "消息时间", "Time", "Timestamp", "Date"]
  static let conversationHeaders = ["会话", "聊天对象", "群名称", "Conversation"]

  /// The units of one sheet.
  static func units(_ rows: [SpreadsheetText.Row], sheet: String, page: Int, options: IngestOptions) -> [TextUnit] {
    guard let header = rows.first else { return [] }
    let names = header.cells.mapValues { $0.trimmingSpaces }
    func column(_ candidates: [String]) -> [Int] {
      candidates.compactMap { candidate in names.first { $0.value == candidate }?.key }
    }
    let content = column(contentHeaders).first
    let senders = column(senderHeaders)
    guard let content, !senders.isEmpty else {
      return rows.compactMap { row in
        let values = row.values
        guard !values.isEmpty else { return nil }
        return TextUnit(kind: .row, line: row.number, text: values.joined(separator: "\t"), page: page, attributes: ["sheet": sheet])
      }
    }
    let time = column(timeHeaders).first
    let conversation = column(conversationHeaders).first
    return rows.dropFirst().compactMap { row in
      guard !row.cells.isEmpty else { return nil }
      let speaker = senders.lazy.compactMap { row.cells[$0] }.first { !$0.isEmpty }
      let rawTime = time.flatMap { row.cells[$0] } ?? ""
      return TextUnit(
        kind: .message, line: row.number, text: row.cells[content] ?? "", speaker: speaker,
        time: chatTime(rawTime, options: options), conversation: conversation.flatMap { row.cells[$0] } ?? sheet,
        page: page, attributes: ["sheet": sheet])
    }
  }

  /// A time cell: `YYYY-MM-DD HH:MM:SS` text, or an Excel serial day number (days since
  /// 1899-12-30, local time).
  static func chatTime(_ raw: String, options: IngestOptions) -> ChatTime? {
    var cursor = TextCursor(Substring(raw))
    if let local = LocalDateTime.readISOLike(&cursor) { return local.chatTime(options: options, raw: raw) }
    guard let serial = Double(raw), serial > 25_569, serial < 2_958_466 else { return nil }
    let seconds = Int64(((serial - 25_569) * 86_400).rounded())
    return ChatTime(epochSeconds: seconds - Int64(options.utcOffsetSeconds), utcOffsetSeconds: options.utcOffsetSeconds, raw: raw)
  }
}
