/// The message blocks of a WechatExporter HTML page (export-formats.md §1.6): each
/// `<div class="msg chat …" msgid=… msgtype=…>` with `<span class="dspname …" wxId="…">NAME</span>
/// TIME` and the body in `<span class="dont-break-out msg-text"><pre>…</pre></span>`; notices
/// (`msg chat-notice`) have neither name nor time. A quote-reply's first span (class `refermsg`)
/// holds the quoted message, the last one the reply; a shared link's title is an `<a>` outside the
/// body span.
struct WechatExporterHTMLMessages {
  /// One message block as written.
  struct Message {
    var id = ""
    var type: String?
    var notice = false
    var divLine = 0
    var speaker: String?
    var speakerID: String?
    var rawTime: String?
    var transfer = false
    var text = ""
    /// The file line of each line of `text`; empty when the block has no body text.
    var textLines: [Int] = []
    /// The quoted message of a quote-reply (`「name：text」`).
    var quote: String?
    var link: String?
    var linkTitle: String?
  }

  /// The title suffixes by interface language (`%%DISPLAYNAME%% - 微信聊天记录`).
  static let titleSuffixes = [" - 微信聊天记录", " - WeChat Chat History"]

  /// Messages read but not handed over yet.
  private(set) var messages: [Message] = []

  /// What an open `<span>` (or `<a>`) holds.
  private enum Role: Equatable {
    case speaker, body, quote, link, other
  }

  /// The reader's state while it walks the tokens.
  private struct State {
    var result = WechatExporterHTMLMessages()
    var divDepth = 0
    var messageDepth = 0
    var current: Message?
    var roles: [Role] = []
    var gathered = ""
    var readingTime = false
    var timeText = ""
    var titleText = ""
    var readingTitle = false
    var bodyStarted = false
    var dropLeadingBreak = false

    /// The innermost role that gathers text.
    var capturing: Role? { roles.last { $0 != .other } }

    mutating func finishMessage() {
      if var message = current {
        while message.text.last == "\n" {
          message.text.removeLast()
          if message.textLines.count > 1 { message.textLines.removeLast() }
        }
        result.messages.append(message)
      }
      current = nil
    }
  }

  /// Reads the page (its lines joined by `\n`, as UTF-8) and hands each message to `each` with the
  /// conversation name from `<title>` (without its suffix; nil when there is none).
  ///
  /// A message is handed over as soon as the name is final: once the page has been read past the
  /// last `<title` it holds and that element is closed (templates put it in `<head>`, before every
  /// message); until then messages wait.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, each: (Message, String?) -> Void) {
    var state = State()
    let line = LineIndex(bytes).line(at:)
    let lastTitle = lastTitleTag(in: bytes)
    var readPast = -1
    var tokenizer = HTMLTokenizer(bytes)
    tokenizer.run { token in
      switch token {
      case .start(let name, let attributes, let offset):
        readPast = offset
        start(name, attributes: attributes, line: line(offset), state: &state)
      case .end(let name):
        end(name, state: &state)
      case .text(let chunk, let offset):
        readPast = offset
        self.text(chunk, offset: offset, line: line, state: &state)
      }
      if !state.result.messages.isEmpty, readPast > lastTitle, !state.readingTitle {
        let name = chatName(state.titleText)
        for message in state.result.messages { each(message, name) }
        state.result.messages.removeAll(keepingCapacity: true)
      }
    }
    state.finishMessage()
    let name = chatName(state.titleText)
    for message in state.result.messages { each(message, name) }
  }

  /// The conversation name written in the `<title>` text: without its suffix; nil when empty.
  private static func chatName(_ titleText: String) -> String? {
    let title = TextEscapes.htmlUnescape(titleText).trimmingWhitespace
    if let suffix = titleSuffixes.first(where: { title.hasSuffix($0) }) { return String(title.dropLast(suffix.count)) }
    return title.isEmpty ? nil : title
  }

  /// The byte offset of the last `<title` in `bytes` (in any case), or -1: past it, no `<title>`
  /// element can open, so the name gathered so far is final.
  private static func lastTitleTag(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let tag = Array("<title".utf8)
    var index = bytes.count - tag.count
    while index >= 0 {
      if bytes[index] == 0x3C, (1..<tag.count).allSatisfy({ bytes[index + $0] | 0x20 == tag[$0] }) { return index }
      index -= 1
    }
    return -1
  }

  private static func start(_ name: String, attributes: [String: String], line: Int, state: inout State) {
    let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
    switch name {
    case "title":
      state.readingTitle = true
    case "div":
      state.divDepth += 1
      if classes.contains("msg"), let id = attributes["msgid"], classes.contains(where: { $0 == "chat" || $0.hasPrefix("chat-") }) {
        state.finishMessage()
        state.current = Message(id: id, type: attributes["msgtype"], notice: classes.contains("chat-notice"), divLine: line)
        state.messageDepth = state.divDepth
        state.roles = []
        state.bodyStarted = false
      }
    case "span" where state.current != nil:
      var role = Role.other
      if classes.contains("dspname") || classes.contains(where: { $0.hasPrefix("name-") }) {
        role = .speaker
        state.current?.speakerID = attributes["wxid"].flatMap { $0.isEmpty ? nil : $0 }
        state.gathered = ""
      } else if classes.contains("refermsg") {
        role = .quote
        state.gathered = ""
      } else if classes.contains("dont-break-out") || classes.contains("msg-text") {
        role = .body
        if state.bodyStarted, var message = state.current, !message.textLines.isEmpty {
          message.text += "\n"
          message.textLines.append(line)
          state.current = message
        }
        state.bodyStarted = true
      }
      state.roles.append(state.capturing == nil ? role : .other)
    case "a" where state.current != nil:
      if state.capturing == nil, let href = attributes["href"], state.current?.link == nil {
        state.current?.link = href
        state.roles.append(.link)
        state.gathered = ""
      } else {
        state.roles.append(.other)
      }
    case "pre":
      state.dropLeadingBreak = true
    case "br" where state.capturing == .body:
      state.current?.text += "\n"
      state.current?.textLines.append(line)
    case "img" where classes.contains("transfer-icon"):
      state.current?.transfer = true
    default:
      break
    }
  }

  private static func end(_ name: String, state: inout State) {
    switch name {
    case "title":
      state.readingTitle = false
    case "span", "a":
      guard state.current != nil, let role = state.roles.popLast() else { return }
      let value = TextEscapes.htmlUnescape(state.gathered).trimmingWhitespace
      switch role {
      case .speaker:
        state.current?.speaker = value
        state.readingTime = true
        state.timeText = ""
      case .quote: if !value.isEmpty { state.current?.quote = value }
      case .link: if !value.isEmpty { state.current?.linkTitle = value }
      case .body, .other: break
      }
    case "div":
      if state.readingTime {
        let raw = TextEscapes.htmlUnescape(state.timeText).trimmingWhitespace
        if !raw.isEmpty { state.current?.rawTime = raw }
        state.readingTime = false
      }
      if state.current != nil && state.divDepth == state.messageDepth { state.finishMessage() }
      state.divDepth = max(state.divDepth - 1, 0)
    default:
      break
    }
  }

  private static func text(_ chunk: Slice<UnsafeBufferPointer<UInt8>>, offset: Int, line: (Int) -> Int, state: inout State) {
    if state.readingTitle {
      state.titleText += String(decoding: chunk, as: UTF8.self)
      return
    }
    guard state.current != nil else { return }
    var start = chunk.startIndex
    if state.dropLeadingBreak {
      state.dropLeadingBreak = false
      if chunk.first == 0x0A { start += 1 }
    }
    switch state.capturing {
    case .speaker, .quote, .link:
      state.gathered += String(decoding: chunk, as: UTF8.self)
    case .body:
      guard var message = state.current else { return }
      if message.textLines.isEmpty {
        guard let first = chunk[start...].firstIndex(where: { $0 > 0x20 }) else { return }
        start = first
        message.textLines = [line(offset + (start - chunk.startIndex))]
      }
      let piece = chunk[start...]
      message.text += TextEscapes.htmlUnescape(String(decoding: piece, as: UTF8.self))
      for index in piece.indices where piece[index] == 0x0A {
        message.textLines.append(line(offset + (index - chunk.startIndex) + 1))
      }
      state.current = message
    case .other, nil:
      if state.readingTime { state.timeText += String(decoding: chunk, as: UTF8.self) }
    }
  }
}

extension String {
  /// The string without leading and trailing white space.
  fileprivate var trimmingWhitespace: String {
    String(drop(while: \.isWhitespaceCharacter).reversed().drop(while: \.isWhitespaceCharacter).reversed())
  }
}
