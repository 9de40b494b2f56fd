/// WhatsApp "Export chat" TXT, Android and iOS, any locale (export-formats.md §4).
///
/// A header line starts each message; lines without one continue the previous message. A header
/// whose rest has no `name: ` is a system notice, as are known notices shaped like sender lines.
/// Day/month order is inferred per file. A line that is an attempt at a header but does not parse
/// (`WhatsAppHeaderAttempt`) starts a message of unknown speaker and time with a warning, rather
/// than continuing the previous speaker's message.
///
/// The file is read in two passes, so that a large chat never holds all its units, nor a parsed
/// header per message, at once: the first finds the messages (`WhatsAppMessages`: their lines,
/// clock fields and where their header's parts lie) and the date order; the second builds the
/// units in file order and hands them over in batches.
struct WhatsAppTXTParser: BatchingParser {
  let format = DocumentFormat.whatsAppTXT

  /// Notice texts WhatsApp writes after a sender-like prefix (the group name).
  static let noticeTexts = [
    "Messages and calls are end-to-end encrypted", "Messages you send to this group are now secured",
    "消息和通话已进行端到端加密", "訊息和通話均已受端對端加密", "Your security code with",
  ]
  /// How many lines detection looks at.
  static let sampleLines = 200

  /// How many non-blank lines may precede the first header.
  static let preambleLines = 5

  func detect(_ source: SourceText) -> Bool {
    let head = source.lines.lazy.filter { !$0.isBlank }.prefix(Self.preambleLines + 1)
    guard let first = head.firstIndex(where: { WhatsAppHeader.parse($0) != nil }) else { return false }
    let sample = source.lines.prefix(Self.sampleLines)
    let headers = sample.filter { WhatsAppHeader.parse($0) != nil }.count
    return headers >= 2 || (first == head.startIndex && sample.count < 3)
  }

  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let messages = WhatsAppMessages(source)
    if let stray = messages.strayFirst {
      let last = (messages.spans.first?.line ?? source.lines.count + 1) - 1
      diagnostics.append(
        source.diagnostic(
          .warning, "ingest.unparsed-line", line: stray,
          "lines \(stray)–\(last) could not be parsed: text before the first WhatsApp message header"))
    }
    let (order, assumed) = messages.dateOrder.order
    if assumed, let first = messages.spans.first {
      diagnostics.append(
        source.diagnostic(
          .note, "ingest.assumed-date-order", line: first.line,
          "no date in this file shows whether the day or the month comes first; assumed \(order == .monthDayYear ? "month/day/year" : "day/month/year")"))
    }
    let conversation = Self.conversation(fromPath: source.path)
    // A message's text is the rest of its header line and the lines after it.
    let elidable = source.elidable(count: messages.spans.count) { messages.spans[$0].lines }
    for (index, span) in messages.spans.enumerated() {
      let (line, last) = (span.line, span.endLine)
      guard let clock = span.clock else {
        diagnostics.append(source.unreadableHeaderWarning(line: line, endLine: last))
        if let elidable, elidable[index] {
          batches.appendElided(line: line, endLine: last, conversation: conversation)
        } else {
          batches.append(Self.unreadableUnit(line: line, endLine: last, source: source, conversation: conversation))
        }
        continue
      }
      let local = order.localTime(clock)
      if let elidable, elidable[index] {
        // Only checked: an elided unit keeps no time.
        if local?.isValid != true {
          diagnostics.append(source.badTime(line: line, raw: Self.header(of: span, in: source.line(line))?.rawTime ?? ""))
        }
        batches.appendElided(line: line, endLine: last, conversation: conversation)
        continue
      }
      // The first pass found a header on this line: it is read again where it lay.
      guard let (rawTime, rest) = Self.header(of: span, in: source.line(line)) else {
        batches.appendElided(line: line, endLine: last, conversation: conversation)
        continue
      }
      let time = local?.chatTime(options: source.options, raw: rawTime)
      if time == nil { diagnostics.append(source.badTime(line: line, raw: rawTime)) }
      let continuation = last > line ? "\n" + source.text(from: line + 1, through: last) : ""
      var unit = TextUnit(
        kind: .system, line: line, endLine: last, text: String(rest) + continuation, time: time,
        conversation: conversation)
      if let colon = rest.utf8Range(of: ": "), !Self.noticeTexts.contains(where: rest.utf8Contains) {
        let name = rest[..<colon.lowerBound]
        unit.kind = .message
        unit.speaker = String(name)
        unit.speakerID = Self.phoneNumber(name)
        unit.text = String(rest[colon.upperBound...]) + continuation
      }
      batches.append(unit)
    }
    return diagnostics
  }

  /// The message on lines `line...endLine` whose header could not be read: no speaker, no time,
  /// its text what follows the header's frame (less a `name: `) and the lines after it.
  private static func unreadableUnit(line: Int, endLine: Int, source: SourceText, conversation: String) -> TextUnit {
    let headerLine = source.line(line)
    let rest = WhatsAppHeaderAttempt.rest(headerLine) ?? ""
    let words = rest.utf8Range(of: ": ").map { rest[$0.upperBound...] } ?? rest
    let continuation = endLine > line ? "\n" + source.text(from: line + 1, through: endLine) : ""
    return TextUnit(
      kind: .message, line: line, endLine: endLine, text: String(words) + continuation, conversation: conversation,
      attributes: [HeaderAttempt.attribute: String(headerLine)])
  }

  /// The time as written and the rest of the header of `span`, on its header `line`: read where
  /// the first pass found them, or parsed again when their place was not kept.
  private static func header(of span: WhatsAppMessages.Span, in line: Substring) -> (rawTime: String, rest: Substring)? {
    if let layout = span.layout { return (layout.rawTime(in: line), layout.rest(in: line)) }
    return WhatsAppHeader.parse(line).map { ($0.rawTime, $0.rest) }
  }

  /// The chat partner from Android file names (`WhatsApp Chat with X.txt`, `与X的 WhatsApp 聊天.txt`,
  /// `與X的WhatsApp對話.txt`), else the file stem (iOS `_chat.txt`: the folder name).
  static func conversation(fromPath path: String) -> String {
    let parts = path.split(separator: "/")
    let name = parts.last.map(String.init) ?? path
    let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
    if stem.hasPrefix("WhatsApp Chat with ") { return String(stem.dropFirst("WhatsApp Chat with ".count)) }
    for (prefix, suffix) in [("与", "的 WhatsApp 聊天"), ("與", "的WhatsApp對話")] where stem.hasPrefix(prefix) && stem.hasSuffix(suffix) {
      return String(stem.dropFirst(prefix.count).dropLast(suffix.count))
    }
    if stem == "_chat", parts.count >= 2 { return String(parts[parts.count - 2]) }
    return stem
  }

  /// The digits of a sender written as a phone number (`+1 123 456 789`), or nil.
  static func phoneNumber(_ name: Substring) -> String? {
    let allowed = name.unicodeScalars.allSatisfy { $0.isWhitespaceScalar || "+-()0123456789".unicodeScalars.contains($0) }
    let digits = name.filter(\.isNumber)
    guard allowed, digits.count >= 6 else { return nil }
    return (name.hasPrefix("+") ? "+" : "") + digits
  }
}
