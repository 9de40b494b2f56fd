/// WeChat export by MemoTrace, HTML (export-formats.md §1.2 v1, §1.3 v2): the page template holds
/// the messages as a JavaScript array after `const chatMessages = ` (v1 object literals, v2 JSON).
///
/// One unit per message object, spanning its lines; times are the unambiguous epoch `timestamp`.
/// Transfers (`type:49,sub_type:2000`) become `transfer` units with `amountFen` from `feedesc`.
struct MemoTraceHTMLParser: BatchingParser {
  let format = DocumentFormat.wechatMemoTraceHTML

  /// The assignment the template puts before the array.
  static let marker = "const chatMessages = "
  /// Media types whose `text` is a relative file path.
  static let mediaTypes: [Int: String] = [3: "image", 34: "voice", 43: "video", 47: "sticker", 49: "file"]

  func detect(_ source: SourceText) -> Bool {
    guard let first = source.lines.first(where: { !$0.isBlank }),
      first.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<")
    else { return false }
    return source.lines.contains { $0.utf8Contains(Self.marker) }
  }

  /// Reads the messages one at a time as the JavaScript reader meets them, never the whole array.
  func parse(_ source: SourceText, into batches: UnitBatches) -> [Diagnostic] {
    let conversation = source.fileStem
    let streaming = LineTrackingJSON.Streaming(paths: [[]]) { message, _ in
      guard message.isComplete, case .object = message.value else { return }
      batches.append(unit(message, conversation: conversation, source: source))
    }
    let parsed = LineTrackingJSON.parseJavaScript(source.newlineText, after: Self.marker, streaming: streaming)
    guard let (_, error) = parsed, let error else { return [] }
    return [
      source.diagnostic(
        .warning, "ingest.unparsed-line", line: error.line,
        "line \(error.line): the chatMessages array stops being readable here (\(error.message)); messages before it are kept")
    ]
  }

  private func unit(_ message: JSONNode, conversation: String, source: SourceText) -> TextUnit {
    let type = message["type"]?.string.flatMap { Int($0) } ?? 1
    let subType = message["sub_type"]?.string.flatMap { Int($0) } ?? 0
    let text = TextEscapes.htmlUnescape(message["text"]?.string ?? "")
    let name = TextEscapes.htmlUnescape(message["displayname"]?.string ?? message["display_name"]?.string ?? "")
    var attributes: [String: String] = [:]
    if let isSend = message["is_send"] {
      attributes["isSender"] = isSend.string == "1" || isSend.value.isTrue ? "1" : "0"
    }
    var kind = UnitKind.message
    switch (type, subType) {
    case (0, _), (10000, _): kind = .system
    case (49, 2000):
      kind = .transfer
      attributes["transferState"] = text
      if let fee = message["feedesc"]?.string ?? message["fee_desc"]?.string, let fen = AmountText.fen(fee) {
        attributes["amountFen"] = String(fen)
      }
      if let memo = message["pay_memo"]?.string, !memo.isEmpty { attributes["memo"] = TextEscapes.htmlUnescape(memo) }
    case (49, 2001):
      kind = .transfer
      attributes["redPacket"] = "true"
    default:
      if let media = Self.mediaTypes[type], type != 49 || subType == 6 { attributes["media"] = media }
    }
    if let voice = message["voice_to_text"]?.string, !voice.isEmpty { attributes["voiceText"] = voice }
    let time = message["timestamp"]?.string.flatMap { Int64($0) }.map {
      ChatTime(epochSeconds: $0, utcOffsetSeconds: source.options.utcOffsetSeconds, raw: String($0))
    }
    var unit = TextUnit(
      kind: kind, line: message.line, endLine: message.endLine, text: text,
      firstBodyLine: message["text"]?.line ?? message.line, speaker: kind == .system || name.isEmpty ? nil : name,
      time: time, conversation: conversation, attributes: attributes)
    unit.textLines = TextUnit.sameLine(unit.firstBodyLine, for: text)
    return unit
  }
}

extension JSONValue {
  /// True for the JSON value `true`.
  var isTrue: Bool {
    if case .bool(true) = self { return true }
    return false
  }
}
