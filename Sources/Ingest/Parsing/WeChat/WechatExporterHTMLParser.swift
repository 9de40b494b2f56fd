/// WeChat chat from an iOS backup by WechatExporter, HTML (`<会话名>/index.html`,
/// export-formats.md §1.6).
///
/// One unit per message block, at the file lines of its `<pre>` body (the block's own line when it
/// has no text, e.g. a photo). Speaker and wxid from the `dspname` span, time from the text after
/// it (`YYYY-MM-DD HH:MM:SS`, local). Notices (`msg chat-notice`) become `system` units with the
/// previous message's time; blocks with the transfer icon become `transfer` units with `amountFen`.
/// A quote-reply's text is the reply alone, the quoted message goes to `attributes["quote"]`.
/// Units are made as the page is read and handed over in batches.
struct WechatExporterHTMLParser: BatchingParser {
  let format = DocumentFormat.wechatExporterHTML

  /// The message block's opening, as the templates write it.
  static let messageMarker = "<div class=\"msg chat"
  /// The speaker span, as the current (`dspname`) and older (`name-left`/`name-right`) templates
  /// write it.
  static let speakerMarkers = ["class=\"dspname", "class=\"name-left", "class=\"name-right"]

  func detect(_ source: SourceText) -> Bool {
    guard let first = source.lines.first(where: { !$0.isBlank }),
      first.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<")
    else { return false }
    var messageSeen = false
    for line in source.lines {
      if !messageSeen, line.utf8Contains(Self.messageMarker), line.utf8Contains("msgid=") { messageSeen = true }
      if messageSeen, Self.speakerMarkers.contains(where: { line.utf8Contains($0) }) { return true }
    }
    return false
  }

  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var previousTime: ChatTime?
    var text = source.newlineText
    // The page is read in place: its text is not copied again.
    text.withUTF8 { page in
      WechatExporterHTMLMessages.read(page) { message, chatName in
        let conversation = chatName ?? source.fileStem
        var attributes = ["messageID": message.id]
        if let type = message.type { attributes["msgType"] = type }
        if let quote = message.quote { attributes["quote"] = quote }
        if let link = message.link { attributes["link"] = link }
        if let title = message.linkTitle { attributes["linkTitle"] = title }
        var time: ChatTime?
        if message.notice {
          time = previousTime
          if time != nil { attributes["timeFrom"] = "previous message" }
        } else if let raw = message.rawTime {
          time = Self.time(raw, options: source.options)
          if time == nil { diagnostics.append(source.badTime(line: message.divLine, raw: raw)) }
          previousTime = time
        }
        var kind = message.notice ? UnitKind.system : .message
        if message.transfer {
          kind = .transfer
          let lines = message.text.split(separator: "\n", omittingEmptySubsequences: false)
          if let fen = lines.first.flatMap({ AmountText.fen($0) }) { attributes["amountFen"] = String(fen) }
          if lines.count > 1, !lines[1].isEmpty { attributes["memo"] = String(lines[1]) }
        }
        let first = message.textLines.first ?? message.divLine
        let last = max(message.textLines.last ?? first, first)
        var unit = TextUnit(
          kind: kind, line: first, endLine: last, text: message.text, firstBodyLine: first,
          speaker: message.notice ? nil : message.speaker, speakerID: message.notice ? nil : message.speakerID,
          time: time, conversation: conversation, attributes: attributes)
        unit.textLines = message.textLines.isEmpty ? nil : TextUnit.lineMap(message.textLines, first: first)
        batches.append(unit)
      }
    }
    return diagnostics
  }

  /// `YYYY-MM-DD HH:MM:SS` in the assumed zone.
  static func time(_ raw: String, options: IngestOptions) -> ChatTime? {
    var cursor = TextCursor(Substring(raw))
    guard let local = LocalDateTime.readISOLike(&cursor), cursor.isAtEnd else { return nil }
    return local.chatTime(options: options, raw: raw)
  }
}
