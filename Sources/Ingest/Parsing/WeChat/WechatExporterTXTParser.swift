/// WeChat chat from an iOS backup by WechatExporter, TXT (`<会话名>/index.txt`,
/// export-formats.md §1.6): a `<会话名> - 微信聊天记录` title line, then messages written
/// `name (YYYY-MM-DD HH:MM:SS):body` on one line, and system notices with neither name nor time.
///
/// A line without a header continues the previous message (multi-line texts, transfer memos)
/// unless it reads as a known system notice; a notice takes the previous message's time.
struct WechatExporterTXTParser: DocumentParser {
  let format = DocumentFormat.wechatExporterTXT

  /// Title suffixes by interface language.
  static let titleSuffixes = [" - 微信聊天记录", " - WeChat Chat History"]
  /// Phrases that mark a line as a system notice rather than a continuation.
  static let noticePhrases = [
    "撤回了一条消息", "加入了群聊", "加入群聊", "移出了群聊", "退出了群聊", "拍了拍", "领取了", "修改群名为", "邀请", "以下为新消息",
    "你已添加了", "现在可以开始聊天了", "recalled a message", "joined the group chat",
  ]

  func detect(_ source: SourceText) -> Bool {
    guard let first = source.lines.first(where: { !$0.isBlank }) else { return false }
    let title = first.drop { $0 == "\u{FEFF}" }
    return Self.titleSuffixes.contains { title.hasSuffix($0) }
      && source.lines.prefix(50).contains { Self.header($0) != nil }
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    var conversation = source.fileStem
    var previousTime: ChatTime?
    let titleLine = source.lines.firstIndex { !$0.isBlank }
    for (offset, line) in source.lines.enumerated() {
      let number = offset + 1
      if offset == titleLine, let suffix = Self.titleSuffixes.first(where: { line.hasSuffix($0) }) {
        conversation = String(line.drop { $0 == "\u{FEFF}" }.dropLast(suffix.count))
        continue
      }
      if let header = Self.header(line) {
        let time = header.time.chatTime(options: source.options, raw: header.rawTime)
        if time == nil { outcome.diagnostics.append(source.badTime(line: number, raw: header.rawTime)) }
        previousTime = time
        var attributes: [String: String] = [:]
        var kind = UnitKind.message
        if header.body.hasPrefix("微信转账") || header.body.hasPrefix("Weixin Transfer") {
          kind = .transfer
          if let fen = AmountText.fen(header.body) { attributes["amountFen"] = String(fen) }
        }
        outcome.units.append(
          TextUnit(
            kind: kind, line: number, text: String(header.body), speaker: String(header.name), time: time,
            conversation: conversation, attributes: attributes))
        continue
      }
      guard !line.isBlank else { continue }
      if Self.noticePhrases.contains(where: { line.utf8Contains($0) }) {
        var notice = TextUnit(kind: .system, line: number, text: String(line), time: previousTime, conversation: conversation)
        notice.attributes["timeFrom"] = "previous message"
        outcome.units.append(notice)
        continue
      }
      guard !outcome.units.isEmpty else {
        outcome.diagnostics.append(
          source.diagnostic(
            .warning, "ingest.unparsed-line", line: number,
            "line \(number) could not be parsed: text before the first `name (time):` message"))
        continue
      }
      let index = outcome.units.count - 1
      let unit = outcome.units[index]
      let gap = number - unit.endLine - 1
      outcome.units[index].text = unit.text + String(repeating: "\n", count: gap + 1) + line
      outcome.units[index].endLine = number
      if unit.kind == .transfer && unit.attributes["memo"] == nil { outcome.units[index].attributes["memo"] = String(line) }
    }
    return outcome
  }

  /// `name (YYYY-MM-DD HH:MM:SS):body`, split on the last such time.
  struct Header {
    let name: Substring
    let time: LocalDateTime
    let rawTime: String
    let body: Substring
  }

  /// The header of a message line, or nil.
  static func header(_ line: Substring) -> Header? {
    var search = line.endIndex
    while let open = line[..<search].lastIndex(of: "(") {
      if open > line.startIndex, line[line.index(before: open)] == " " {
        var cursor = TextCursor(line[line.index(after: open)...])
        if let time = LocalDateTime.readISOLike(&cursor), cursor.take("):") {
          let name = line[..<line.index(before: open)]
          guard !name.isEmpty else { return nil }
          let raw = String(line[line.index(after: open)...].prefix(19))
          return Header(name: name, time: time, rawTime: raw, body: cursor.rest)
        }
      }
      search = open
    }
    return nil
  }
}
