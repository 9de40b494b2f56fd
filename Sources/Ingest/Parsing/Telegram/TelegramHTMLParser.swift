/// Telegram Desktop HTML export (`messages.html`, `messages2.html`, …; export-formats.md §3.2).
///
/// One unit per `message default` block, spanning its lines: speaker from `from_name` (a
/// `joined` message inherits the previous one's), time from the date `title`
/// (`DD.MM.YYYY HH:MM:SS UTC+hh:mm`, the offset used when present), text from the `text` block
/// (`<br>` → line break). Service messages other than day separators become `system` units: an
/// action, not speech, their text starting `[service]`, their speaker the actor where the text
/// starts with the name of a sender of the page (see `TelegramServiceEvent`). The conversation
/// is the page header's name.
struct TelegramHTMLParser: DocumentParser {
  let format = DocumentFormat.telegramHTML

  func detect(_ source: SourceText) -> Bool {
    // An export page opens with `<!DOCTYPE html>`: a text that does not open with a tag is
    // answered at once (every text file a scan reads is asked).
    guard source.firstSignificantCharacter == "<" else { return false }
    var headerSeen = false
    for line in source.lines.prefix(400) {
      if line.utf8Contains("class=\"page_header\"") { headerSeen = true }
      if headerSeen && (line.utf8Contains("class=\"message default clearfix") || line.utf8Contains("class=\"message service\"")) {
        return true
      }
    }
    return false
  }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    let messages = TelegramHTMLMessages.read(source.newlineText)
    let senders = Set(messages.messages.filter { !$0.service }.compactMap(\.speaker))
    var previousSpeaker: String?
    for message in messages.messages {
      let speaker: String?
      if message.service {
        speaker = TelegramServiceEvent.actor(of: message.text, among: senders)
      } else {
        speaker = message.joined ? previousSpeaker : message.speaker ?? previousSpeaker
        previousSpeaker = speaker
      }
      let time = message.dateTitle.flatMap { Self.time($0, options: source.options) }
      if message.dateTitle != nil && time == nil {
        outcome.diagnostics.append(source.badTime(line: message.line, raw: message.dateTitle ?? ""))
      }
      var attributes = ["messageID": message.id]
      if message.forwarded { attributes["forwarded"] = "true" }
      if let origin = message.forwardedFrom { attributes[TextUnit.forwardedFromAttribute] = origin }
      if message.service { attributes[TextUnit.serviceActionAttribute] = "service" }
      var unit = TextUnit(
        kind: message.service ? .system : .message, line: message.line, endLine: message.endLine,
        text: message.service ? TelegramServiceEvent.text(action: nil, details: message.text) : message.text,
        firstBodyLine: message.textLines.first ?? message.line, speaker: speaker, time: time,
        conversation: messages.chatName, attributes: attributes)
      unit.textLines = TextUnit.lineMap(message.textLines, first: unit.firstBodyLine)
      outcome.units.append(unit)
    }
    return outcome
  }

  /// `14.05.2023 16:43:57 UTC+03:30` (offset honoured) or without the `UTC` part (assumed zone).
  static func time(_ title: String, options: IngestOptions) -> ChatTime? {
    var cursor = TextCursor(Substring(title))
    guard let day = cursor.number(digits: 1...2), cursor.take("."), let month = cursor.number(digits: 1...2),
      cursor.take("."), let year = cursor.number(digits: 4...4), cursor.skipSpaces() > 0,
      let hour = cursor.number(digits: 1...2), cursor.take(":"), let minute = cursor.number(digits: 2...2),
      cursor.take(":"), let second = cursor.number(digits: 2...2)
    else { return nil }
    let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    cursor.skipSpaces()
    guard cursor.take("UTC"), let sign = cursor.take(oneOf: ["+", "-"]), let hours = cursor.number(digits: 1...2),
      cursor.take(":"), let minutes = cursor.number(digits: 2...2)
    else { return local.chatTime(options: options, raw: title) }
    let offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
    guard let written = local.chatTime(options: IngestOptions(utcOffsetSeconds: offset), raw: title) else { return nil }
    return ChatTime(epochSeconds: written.epochSeconds, utcOffsetSeconds: options.utcOffsetSeconds, raw: title)
  }
}

/// The message blocks of a Telegram HTML page.
struct TelegramHTMLMessages {
  /// One `message` block.
  struct Message {
    var id = ""
    var line = 0
    var endLine = 0
    var service = false
    var joined = false
    var forwarded = false
    var forwardedFrom: String?
    var speaker: String?
    var dateTitle: String?
    var text = ""
    var textLines: [Int] = []
  }

  private(set) var messages: [Message] = []
  private(set) var chatName: String?

  /// Reads the page (lines joined by `\n`).
  static func read(_ text: String) -> TelegramHTMLMessages {
    var result = TelegramHTMLMessages()
    let bytes = Array(text.utf8)
    let line = LineIndex(bytes).line(at:)
    var stack: [String] = []
    var current: Message?
    var messageDepth = 0
    var capture: String?
    var captureDepth = 0
    var captured = SegmentedText()
    func finishMessage() {
      if let message = current, !(message.service && message.id.hasPrefix("message-")) {
        result.messages.append(message)
      }
      current = nil
    }
    HTMLTokenizer.run(bytes) { token in
      switch token {
      case .start(let name, let attributes, let offset):
        guard name == "div" || name == "br" else { return }
        if name == "br" {
          if capture == "text" { captured.lineBreak() }
          return
        }
        let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
        stack.append(attributes["class"] ?? "")
        if classes.contains("message"), let id = attributes["id"], id.hasPrefix("message") {
          finishMessage()
          current = Message(
            id: id, line: line(offset), endLine: line(offset), service: classes.contains("service"),
            joined: classes.contains("joined"))
          messageDepth = stack.count
        } else if capture == nil {
          if classes.contains("forwarded") { current?.forwarded = true }
          let inForward = stack.contains { $0.contains("forwarded") }
          if classes.contains("from_name") && current != nil {
            capture = inForward ? "forwarded_from" : (current?.speaker == nil ? "from_name" : nil)
          } else if classes.contains("date") && classes.contains("details"), let title = attributes["title"] {
            if current?.dateTitle == nil { current?.dateTitle = title }
          } else if classes.contains("text") && current != nil && current?.text.isEmpty == true {
            capture = "text"
          } else if classes.contains("body") && classes.contains("details") && current?.service == true {
            capture = "text"
          } else if classes.contains("text") && classes.contains("bold") && current == nil
            && stack.contains(where: { $0.contains("page_header") })
          {
            capture = "chat"
          }
          if capture != nil {
            captureDepth = stack.count
            captured = SegmentedText()
          }
        }
      case .end(let name):
        guard name == "div", !stack.isEmpty else { return }
        if capture != nil && stack.count == captureDepth {
          let (value, lines) = captured.finish()
          switch capture {
          case "from_name": current?.speaker = value
          case "chat": result.chatName = value
          case "forwarded_from": current?.forwardedFrom = value
          default:
            current?.text = value
            current?.textLines = lines
          }
          capture = nil
        }
        if current != nil && stack.count == messageDepth { finishMessage() }
        stack.removeLast()
      case .text(let chunk, let offset):
        guard let first = chunk.firstIndex(where: { $0 > 0x20 }) else {
          if capture != nil { captured.append(" ", line: nil) }
          return
        }
        let last = chunk.lastIndex(where: { $0 > 0x20 }) ?? first
        if let open = current {
          let lastLine = line(offset + (last - chunk.startIndex))
          current?.endLine = max(open.endLine, lastLine)
        }
        if capture != nil {
          let text = TextEscapes.htmlUnescape(String(decoding: chunk, as: UTF8.self))
          captured.append(text, line: line(offset + (first - chunk.startIndex)))
        }
      }
    }
    finishMessage()
    return result
  }
}
