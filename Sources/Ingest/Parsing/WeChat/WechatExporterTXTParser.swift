/// WeChat chat from an iOS backup by WechatExporter, TXT (`<会话名>/index.txt`,
/// export-formats.md §1.6): a `<会话名> - 微信聊天记录` title line, then messages written
/// `name (YYYY-MM-DD HH:MM:SS):body` on one line, and system notices with neither name nor time.
///
/// A line without a header continues the previous message (multi-line texts, transfer memos)
/// unless it reads as a known system notice; a notice takes the previous message's time. A line
/// that is an attempt at a header but not one (`name (` and a date and clock, `HeaderAttempt`,
/// then `):`) starts a message of unknown speaker and time with a warning instead, and a notice
/// after it has no time.
///
/// The file is read in two passes, so that a large chat never holds all its units, nor a parsed
/// header per message, at once: the first lists the entries (`entries`: lines only, and for a
/// notice the line of the message before it) and reports bad times and stray text; the second
/// builds the units in file order and hands them over in batches, reading again the header of
/// each message it builds whole from where the first found its time (and parsing the header of
/// the message before each notice it builds).
struct WechatExporterTXTParser: BatchingParser {
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

  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let (conversation, entries) = Self.entries(source, diagnostics: &diagnostics)
    // An entry's text lies on its lines (a message's header line holds its name and time too).
    let elidable = source.elidable(count: entries.count) { entries[$0].line...entries[$0].endLine }
    for (index, entry) in entries.enumerated() {
      if let elidable, elidable[index] {
        batches.appendElided(line: entry.line, endLine: entry.endLine, conversation: conversation)
        continue
      }
      // The lines after the first, a blank one (white space only) kept as an empty line.
      let following = entry.endLine > entry.line ? (entry.line + 1)...entry.endLine : nil
      let continuation = following.map { lines in
        "\n" + lines.map { source.line($0).isBlank ? "" : source.line($0) }.joined(separator: "\n")
      } ?? ""
      switch entry.kind {
      case .message(let open):
        // The first pass found this header, so it reads again.
        guard let header = Self.header(source.line(entry.line), at: open) else {
          batches.appendElided(line: entry.line, endLine: entry.endLine, conversation: conversation)
          continue
        }
        var unit = TextUnit(
          kind: .message, line: entry.line, endLine: entry.endLine, text: String(header.body) + continuation,
          speaker: String(header.name), time: Self.time(of: header, options: source.options),
          conversation: conversation)
        if header.body.hasPrefix("微信转账") || header.body.hasPrefix("Weixin Transfer") {
          unit.kind = .transfer
          if let fen = AmountText.fen(header.body) { unit.attributes["amountFen"] = String(fen) }
          if let memo = following?.lazy.map({ source.line($0) }).first(where: { !$0.isBlank }) {
            unit.attributes["memo"] = String(memo)
          }
        }
        batches.append(unit)
      case .notice(let previousMessageLine):
        let previous = previousMessageLine.flatMap { Self.header(source.line($0)) }
        var notice = TextUnit(
          kind: .system, line: entry.line, endLine: entry.endLine, text: String(source.line(entry.line)) + continuation,
          time: previous.flatMap { Self.time(of: $0, options: source.options) }, conversation: conversation)
        notice.attributes["timeFrom"] = "previous message"
        batches.append(notice)
      case .unreadable:
        let headerLine = source.line(entry.line)
        batches.append(
          TextUnit(
            kind: .message, line: entry.line, endLine: entry.endLine,
            text: String(Self.unreadableHeader(headerLine) ?? "") + continuation, conversation: conversation,
            attributes: [HeaderAttempt.attribute: String(headerLine)]))
      }
    }
    return diagnostics
  }

  /// The time of a message header, or nil when its fields are out of range.
  private static func time(of header: Header, options: IngestOptions) -> ChatTime? {
    header.time.chatTime(options: options, raw: header.rawTime)
  }

  /// One message or notice: its first and last line (the lines after the first continue it).
  struct Entry {
    /// A message, with where the `(` of its header's time stands in its line (see
    /// `header(_:at:)`), a notice with the header line of the message before it (its time
    /// is the notice's), or a message whose header could not be read.
    enum Kind {
      case message(open: String.Index)
      case notice(previousMessageLine: Int?)
      case unreadable
    }

    var kind: Kind
    let line: Int
    var endLine: Int
  }

  /// The conversation (from the title line, else the file stem) and the entries of `source`, in
  /// file order; bad times, text before the first message and unreadable headers become
  /// diagnostics, in line order.
  static func entries(_ source: SourceText, diagnostics: inout [Diagnostic]) -> (String, [Entry]) {
    var conversation = source.fileStem
    var entries: [Entry] = []
    // At most one entry per line: room reserved but never written costs no memory, and the
    // list never holds its old and new storage at once while it grows.
    entries.reserveCapacity(source.lines.count)
    var previousMessageLine: Int?
    let titleLine = source.lines.firstIndex { !$0.isBlank }
    for (offset, line) in source.lines.enumerated() {
      let number = offset + 1
      if offset == titleLine, let suffix = titleSuffixes.first(where: { line.hasSuffix($0) }) {
        conversation = String(line.drop { $0 == "\u{FEFF}" }.dropLast(suffix.count))
        continue
      }
      if let header = header(line) {
        if time(of: header, options: source.options) == nil {
          diagnostics.append(source.badTime(line: number, raw: header.rawTime))
        }
        previousMessageLine = number
        entries.append(Entry(kind: .message(open: header.open), line: number, endLine: number))
        continue
      }
      guard !line.isBlank else { continue }
      if unreadableHeader(line) != nil {
        previousMessageLine = nil
        entries.append(Entry(kind: .unreadable, line: number, endLine: number))
        continue
      }
      if noticePhrases.contains(where: { line.utf8Contains($0) }) {
        entries.append(Entry(kind: .notice(previousMessageLine: previousMessageLine), line: number, endLine: number))
        continue
      }
      guard !entries.isEmpty else {
        diagnostics.append(
          source.diagnostic(
            .warning, "ingest.unparsed-line", line: number,
            "line \(number) could not be parsed: text before the first `name (time):` message"))
        continue
      }
      entries[entries.count - 1].endLine = number
    }
    let unreadable = entries.compactMap { entry in
      if case .unreadable = entry.kind { source.unreadableHeaderWarning(line: entry.line, endLine: entry.endLine) } else { nil }
    }
    diagnostics.mergeInLineOrder(unreadable)
    return (conversation, entries)
  }

  /// For a line that is an attempt at a message header but not one (a name, `(`, a date and
  /// clock as `HeaderAttempt` reads them, `)` and `:` or `：`): the text after the `:`.
  static func unreadableHeader(_ line: Substring) -> Substring? {
    let utf8 = line.utf8
    var search = utf8.startIndex
    while let open = utf8[search...].firstIndex(of: UInt8(ascii: "(")) {
      search = utf8.index(after: open)
      guard open > utf8.startIndex, let length = HeaderAttempt.timestampLength(line[search...]) else { continue }
      var rest = line[search...].utf8.dropFirst(length)
      guard rest.first == UInt8(ascii: ")") else { continue }
      rest = rest.dropFirst()
      if rest.first == UInt8(ascii: ":") { return Substring(rest.dropFirst()) }
      if rest.starts(with: "：".utf8) { return Substring(rest.dropFirst(3)) }
    }
    return nil
  }

  /// `name (YYYY-MM-DD HH:MM:SS):body`, split on the last such time.
  struct Header {
    let name: Substring
    let time: LocalDateTime
    let rawTime: String
    let body: Substring
    /// Where the `(` before the time stands in the line, for `header(_:at:)`.
    let open: String.Index
  }

  /// The header of a message line, or nil.
  static func header(_ line: Substring) -> Header? {
    // `(` and the space before it are ASCII, so they are looked for in the line's bytes: no
    // grapheme breaking on a test made on every line of the file.
    let utf8 = line.utf8
    var search = utf8.endIndex
    while let open = utf8[..<search].lastIndex(of: UInt8(ascii: "(")) {
      if let header = header(line, at: open) { return header }
      search = open
    }
    return nil
  }

  /// The header of a message line whose time follows the `(` at `open`, or nil: read again
  /// without searching the line for it.
  static func header(_ line: Substring, at open: String.Index) -> Header? {
    guard open > line.startIndex, line.utf8[line.utf8.index(before: open)] == UInt8(ascii: " ") else { return nil }
    var cursor = TextCursor(line[line.index(after: open)...])
    guard let time = LocalDateTime.readISOLike(&cursor), cursor.take("):") else { return nil }
    let name = line[..<line.utf8.index(before: open)]
    guard !name.isEmpty else { return nil }
    let raw = String(line[line.index(after: open)...].prefix(19))
    return Header(name: name, time: time, rawTime: raw, body: cursor.rest, open: open)
  }
}
