/// Telegram Desktop `result.json`, single-chat or full-account export (export-formats.md §3.1).
///
/// One unit per message, spanning the lines of the message object; `firstBodyLine` is the line of
/// its `text` member (JSON keeps a message's text on that line, with `\n` escapes). Times come
/// from `date_unixtime` when present, else from the naive `date` in the assumed zone. A service
/// message is an action, spoken by nobody: a `system` unit whose speaker is its `actor` and
/// whose text starts `[service: <action>]` (see `TelegramServiceEvent`).
struct TelegramJSONParser: BatchingParser {
  let format = DocumentFormat.telegramJSON

  /// Chat `type` values tdesktop writes.
  static let chatTypes: Set<String> = [
    "saved_messages", "replies", "personal_chat", "bot_chat", "private_group", "private_supergroup",
    "public_supergroup", "private_channel", "public_channel", "verification_codes",
  ]
  /// How many characters detection reads.
  static let headLength = 8_192

  func detect(_ source: SourceText) -> Bool {
    guard source.firstSignificantCharacter == "{" else { return false }
    var head = ""
    for line in source.lines {
      head += line.prefix(Self.headLength)
      head += "\n"
      if head.utf8.count > Self.headLength { break }
    }
    let compact = String(head.filter { !$0.isWhitespace })
    guard compact.hasPrefix("{") else { return false }
    if compact.utf8Contains("\"chats\":{") && compact.utf8Contains("\"about\":") { return true }
    guard compact.utf8Contains("\"messages\":[") else { return false }
    return Self.chatTypes.contains { compact.utf8Contains("\"type\":\"\($0)\"") }
  }

  /// The `messages` arrays of a single-chat export and of each chat of a full export.
  static let messageArrays: Set<[String]> = [["messages"], ["chats", "list", "messages"], ["left_chats", "list", "messages"]]
  /// Reads the messages one at a time as the JSON reader meets them, never the whole tree. A
  /// chat names its messages' conversation: when its `name` comes before its `messages` (as
  /// Telegram writes it) each message goes out at once, else the chat's messages wait until the
  /// chat ends and its name, type or id is known.
  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var waiting: [TextUnit] = []
    let streaming = LineTrackingJSON.Streaming(
      paths: Self.messageArrays,
      element: { message, chat in
        let name = chat.first { $0.key == "name" }?.value.string
        guard let unit = unit(message, conversation: name ?? "", source: source) else { return }
        if name == nil { waiting.append(unit) } else { batches.append(unit) }
      },
      ownerEnded: { chat in
        let name = Self.name(of: chat)
        batches.append(
          contentsOf: waiting.map { unit in
            var named = unit
            named.conversation = name
            return named
          })
        waiting.removeAll()
      })
    let (_, error) = LineTrackingJSON.parse(source.newlineText, streaming: streaming)
    guard let error else { return [] }
    return [
      source.diagnostic(
        .warning, "ingest.unparsed-line", line: error.line,
        "line \(error.line): JSON stops being readable here (\(error.message)); messages before it are kept")
    ]
  }

  /// A chat's name: its name, else its type, else its id.
  static func name(of chat: LineTrackingJSON.Members) -> String {
    let member = { (key: String) in chat.first { $0.key == key }?.value.string }
    return member("name") ?? member("type") ?? "chat \(member("id") ?? "?")"
  }

  private func unit(_ message: JSONNode, conversation: String, source: SourceText) -> TextUnit? {
    guard case .object = message.value, message.isComplete else { return nil }
    let isService = message["type"]?.string == "service"
    var text = Self.text(message["text"])
    var attributes: [String: String] = [:]
    if let id = message["id"]?.string { attributes["messageID"] = id }
    for key in ["media_type", "reply_to_message_id", "via_bot", "edited"] {
      if let value = message[key]?.string { attributes[key] = value }
    }
    if let origin = message["forwarded_from"]?.string { attributes[TextUnit.forwardedFromAttribute] = origin }
    if message["photo"] != nil { attributes["media_type"] = attributes["media_type"] ?? "photo" }
    if let file = message["file"]?.string { attributes["file"] = file }
    for (entity, key) in [("link", "links"), ("text_link", "links"), ("phone", "phones"), ("bank_card", "bankCards"), ("email", "emails")] {
      let found = Self.entities(message["text"], type: entity)
      if !found.isEmpty { attributes[key] = ((attributes[key].map { [$0] } ?? []) + found).joined(separator: " ") }
    }
    var kind = UnitKind.message
    var detailsLine: Int?
    if isService {
      kind = .system
      let action = message["action"]?.string
      attributes[TextUnit.serviceActionAttribute] = action ?? "service"
      var details = text
      if text.isEmpty { (details, detailsLine) = TelegramServiceEvent.details(message) }
      text = TelegramServiceEvent.text(action: action, details: details)
      if action == "send_payment" {
        kind = .transfer
        if let amount = message["amount"]?.string { attributes["amount"] = amount }
        if let currency = message["currency"]?.string { attributes["currency"] = currency }
      }
    }
    let rawDate = message["date"]?.string ?? ""
    let time: ChatTime?
    if let unix = message["date_unixtime"]?.string.flatMap({ Int64($0) }) {
      time = ChatTime(epochSeconds: unix, utcOffsetSeconds: source.options.utcOffsetSeconds, raw: rawDate)
    } else {
      time = Self.naiveTime(rawDate, options: source.options)
    }
    let speaker = isService ? message["actor"]?.string : (message["from"]?.string ?? message["author"]?.string)
    let speakerID = isService ? message["actor_id"]?.string : message["from_id"]?.string
    var unit = TextUnit(
      kind: kind, line: message.line, endLine: message.endLine, text: text,
      firstBodyLine: message["text"]?.line ?? message.line, speaker: speaker, speakerID: speakerID, time: time,
      conversation: conversation, attributes: attributes)
    unit.textLines = Self.textLines(message["text"], first: unit.firstBodyLine)
    if let detailsLine {
      unit.firstBodyLine = detailsLine
      unit.textLines = TextUnit.sameLine(detailsLine, for: text)
    }
    return unit
  }

  /// The file line of each line of a message's text: a string stands on one line; in an array,
  /// each part stands on its own line.
  static func textLines(_ node: JSONNode?, first: Int) -> [Int]? {
    guard let node else { return nil }
    if let plain = node.string { return TextUnit.sameLine(node.line, for: plain) }
    var lines = [node.elements.first?.line ?? first]
    for part in node.elements {
      let text = part.string ?? part["text"]?.string ?? ""
      for byte in text.utf8 where byte == 0x0A { lines.append(part.line) }
    }
    return TextUnit.lineMap(lines, first: first)
  }

  /// The message text: a plain string, or the concatenation of an array of strings and entities.
  static func text(_ node: JSONNode?) -> String {
    guard let node else { return "" }
    if let plain = node.string { return plain }
    return node.elements.map { $0.string ?? $0["text"]?.string ?? "" }.joined()
  }

  /// The texts of the entities of one `type` (for links, the `href` when present).
  static func entities(_ node: JSONNode?, type: String) -> [String] {
    (node?.elements ?? []).compactMap { part in
      guard part["type"]?.string == type else { return nil }
      return part["href"]?.string ?? part["text"]?.string
    }
  }

  /// `2020-11-12T12:54:07` in the assumed zone.
  static func naiveTime(_ raw: String, options: IngestOptions) -> ChatTime? {
    var cursor = TextCursor(Substring(raw))
    guard let year = cursor.number(digits: 4...4), cursor.take("-"), let month = cursor.number(digits: 2...2),
      cursor.take("-"), let day = cursor.number(digits: 2...2), cursor.take("T"),
      let hour = cursor.number(digits: 2...2), cursor.take(":"), let minute = cursor.number(digits: 2...2),
      cursor.take(":"), let second = cursor.number(digits: 2...2)
    else { return nil }
    return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
      .chatTime(options: options, raw: raw)
  }
}
