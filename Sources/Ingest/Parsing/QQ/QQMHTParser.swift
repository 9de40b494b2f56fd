/// QQ message-manager MHT export (export-formats.md §2.2): a MIME page whose HTML part is a
/// table of date rows (`日期: 2012/4/11`) and message rows (sender `昵称(QQ号)` + `H:m:s` in a
/// header `div`, body `div` after it), led by `消息分组:` / `消息对象:` rows.
///
/// A unit spans its table row; `line` is the line of the sender, `firstBodyLine` of the body.
/// Body text is the visible text (`<br>` → line break; images are counted in `attributes["images"]`).
/// Rows are turned into units as the page is read, and handed over in batches.
struct QQMHTParser: BatchingParser {
  let format = DocumentFormat.qqMHT

  /// The texts QQ writes in the first lines of such a file, one of which marks it.
  static let signatures = ["Save by Tencent MsgMgr", "Tencent IM Message"]
  /// How many lines detection looks at.
  static let headLines = 20

  /// The signatures' UTF-8, looked for in lines read in place.
  private static let signatureBytes = signatures.map { Array($0.utf8) }

  func detect(_ source: SourceText) -> Bool {
    var found = false
    source.lines.forEachUTF8(prefix: Self.headLines) { _, line in
      found = Self.signatureBytes.contains { line.containsBytes($0) }
      return !found
    }
    return found
  }

  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    guard !source.lines.isEmpty else { return diagnostics }
    let message = MIMEPart.parse(source, lines: 1...source.lines.count)
    guard let html = message.allParts.first(where: { $0.mediaType == "text/html" }), let body = html.body else {
      diagnostics.append(
        source.diagnostic(.warning, "ingest.unparsed-line", line: 1, "no text/html part found in this QQ MHT file"))
      return diagnostics
    }
    guard ["7bit", "8bit", "binary"].contains(html.transferEncoding) else {
      diagnostics.append(
        source.diagnostic(
          .warning, "ingest.unparsed-line", line: body.lowerBound,
          "the HTML part is \(html.transferEncoding)-encoded; only 7bit/8bit QQ MHT parts are read"))
      return diagnostics
    }
    var date: (year: Int, month: Int, day: Int)?
    var group: String?
    var conversation = source.fileStem
    QQMHTRows.read(source, lines: body) { row in
      if let header = row.header, let time = row.time {
        let (title, nickname, account) = QQHeader.splitSender(Substring(header))
        let isSystem = nickname == "系统消息"
        var attributes: [String: String] = [:]
        if let title { attributes["memberTitle"] = title }
        if let group { attributes["qqGroup"] = group }
        if row.images > 0 { attributes["images"] = String(row.images) }
        var chatTime: ChatTime?
        if let date, var clock = Self.clock(time) {
          clock.year = date.year
          clock.month = date.month
          clock.day = date.day
          chatTime = clock.chatTime(options: source.options, raw: "\(date.year)-\(date.month)-\(date.day) \(time)")
        }
        if chatTime == nil { diagnostics.append(source.badTime(line: row.line, raw: time)) }
        var unit = TextUnit(
          kind: isSystem ? .system : .message, line: row.line, endLine: row.endLine, text: row.body,
          firstBodyLine: row.bodyLines.first ?? row.line, speaker: isSystem ? nil : nickname,
          speakerID: isSystem ? nil : account, time: chatTime, conversation: conversation, attributes: attributes)
        unit.textLines = TextUnit.lineMap(row.bodyLines, first: unit.firstBodyLine)
        batches.append(unit)
      } else if let text = row.plain {
        if text.hasPrefix("日期:") || text.hasPrefix("日期：") {
          date = Self.date(String(text.dropFirst(3)).trimmingSpaces)
          if date == nil {
            diagnostics.append(source.badTime(line: row.line, raw: text))
          }
        } else if let (key, value) = QQMessageManagerTXTParser.blockField(Substring(text)) {
          if key == "消息分组" { group = value } else { conversation = value }
        }
      }
    }
    return diagnostics
  }

  /// `2012/4/11`, `2012-04-11` (year first) or `4/11/2012` (month first).
  static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
    let fields = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map { Int($0) }
    guard fields.count == 3, let a = fields[0], let b = fields[1], let c = fields[2] else { return nil }
    return a > 31 ? (a, b, c) : (c, a, b)
  }

  /// `12:34:43`, with an optional AM/PM or 上午/下午 marker.
  static func clock(_ text: String) -> LocalDateTime? {
    var cursor = TextCursor(Substring(text))
    var pm: Bool?
    if cursor.take("上午") { pm = false } else if cursor.take("下午") { pm = true }
    cursor.skipSpaces()
    guard let hour = cursor.number(digits: 1...2), cursor.take(":"), let minute = cursor.number(digits: 2...2),
      cursor.take(":"), let second = cursor.number(digits: 2...2)
    else { return nil }
    cursor.skipSpaces()
    if cursor.take("AM") { pm = false } else if cursor.take("PM") { pm = true }
    var time = LocalDateTime(year: 1970, month: 1, day: 1, hour: hour, minute: minute, second: second)
    if let pm, !time.applyTwelveHour(pm: pm) { return nil }
    return time
  }
}

/// The table rows of a QQ MHT HTML part, located on the file's lines.
struct QQMHTRows {
  /// One `<tr>`: either a message (header + time + body) or a plain row (title, date, block field).
  struct Row {
    var line = 0
    var endLine = 0
    /// The sender text of a message row.
    var header: String?
    /// The time text of a message row.
    var time: String?
    var body = ""
    var bodyLines: [Int] = []
    var segments = SegmentedText()
    var images = 0
    /// The whole visible text of a row that is not a message.
    var plain: String?
  }

  /// Reads the rows in lines `range` of `source`, handing each to `each` as it ends.
  static func read(_ source: SourceText, lines range: ClosedRange<Int>, each: (Row) -> Void) {
    source.lines.withUTF8(ofLines: (range.lowerBound - 1)...(range.upperBound - 1)) { bytes in
      read(bytes, firstLine: range.lowerBound, each: each)
    }
  }

  /// Reads the rows in `bytes`, the file's lines from `firstLine` on as they stand in the text.
  private static func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, each: (Row) -> Void) {
    let index = LineIndex(bytes, firstLine: firstLine)
    let line = index.line(at:)
    var row: Row?
    var divDepth = 0
    var divIndex = 0
    var headerText = ""
    var timeText = ""
    var plainText = ""
    var tokenizer = HTMLTokenizer(bytes)
    tokenizer.run { token in
      switch token {
      case .start("tr", _, _):
        row = Row()
        divDepth = 0
        divIndex = 0
        headerText = ""
        timeText = ""
        plainText = ""
      case .end("tr"):
        guard var finished = row else { return }
        if divIndex >= 1, !headerText.trimmingSpaces.isEmpty, !timeText.trimmingSpaces.isEmpty {
          finished.header = TextEscapes.htmlUnescape(headerText).trimmingSpaces
          finished.time = TextEscapes.htmlUnescape(timeText).trimmingSpaces
          (finished.body, finished.bodyLines) = finished.segments.finish()
        } else {
          finished.plain = HTMLBlockCollector.collapse(TextEscapes.htmlUnescape(plainText))
        }
        if finished.line > 0 { each(finished) }
        row = nil
      case .start("div", _, _):
        divDepth += 1
        if divDepth == 1 { divIndex += 1 }
      case .end("div"):
        divDepth = max(0, divDepth - 1)
      case .start("br", _, _):
        if divIndex >= 2 { row?.segments.lineBreak() }
      case .start("img", _, _):
        if divIndex >= 2 { row?.images += 1 }
      case .text(let chunk, let offset):
        guard var current = row, let first = chunk.firstIndex(where: { $0 > 0x20 }) else { return }
        let last = chunk.lastIndex(where: { $0 > 0x20 }) ?? first
        let chunkText = String(decoding: chunk, as: UTF8.self)
        let startLine = line(offset + (first - chunk.startIndex))
        if current.line == 0 { current.line = startLine }
        current.endLine = max(current.endLine, line(offset + (last - chunk.startIndex)))
        plainText += chunkText
        if divIndex == 1 && divDepth == 2 {
          headerText += chunkText
        } else if divIndex == 1 && divDepth == 1 {
          timeText += chunkText
        } else if divIndex >= 2 {
          current.segments.append(TextEscapes.htmlUnescape(chunkText), line: startLine)
        }
        row = current
      default:
        break
      }
    }
  }
}
