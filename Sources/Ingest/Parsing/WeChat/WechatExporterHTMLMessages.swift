/// The message blocks of a WechatExporter HTML page (export-formats.md §1.6): each
/// `<div class="msg chat …" msgid=… msgtype=…>` with `<span class="dspname …" wxId="…">NAME</span>
/// TIME` and the body in `<pre>`; notices (`msg chat-notice`) have neither name nor time.
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
    var lastLine = 0
  }

  /// The title suffixes by interface language (`%%DISPLAYNAME%% - 微信聊天记录`).
  static let titleSuffixes = [" - 微信聊天记录", " - WeChat Chat History"]

  private(set) var messages: [Message] = []
  /// The conversation name from `<title>`, without its suffix.
  private(set) var chatName: String?

  /// What the reader is gathering inside the current message.
  private enum Capture {
    case none, speaker, time, body, title
  }

  /// Reads the page (lines joined by `\n`).
  static func read(_ text: String) -> WechatExporterHTMLMessages {
    var result = WechatExporterHTMLMessages()
    let bytes = Array(text.utf8)
    let line = LineIndex(bytes).line(at:)
    var divDepth = 0
    var messageDepth = 0
    var current: Message?
    var capture = Capture.none
    var gathered = ""
    var titleText = ""
    func finishMessage() {
      if var message = current {
        message.text = trimmedTrailingBreaks(message.text, lines: &message.textLines)
        result.messages.append(message)
      }
      current = nil
    }
    var tokenizer = HTMLTokenizer(bytes)
    tokenizer.run { token in
      switch token {
      case .start(let name, let attributes, let offset):
        let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
        switch name {
        case "title":
          capture = .title
        case "div":
          divDepth += 1
          if classes.contains("msg"), let id = attributes["msgid"],
            classes.contains("chat") || classes.contains("chat-notice") || classes.contains(where: { $0.hasPrefix("chat-") })
          {
            finishMessage()
            current = Message(
              id: id, type: attributes["msgtype"], notice: classes.contains("chat-notice"), divLine: line(offset),
              lastLine: line(offset))
            messageDepth = divDepth
          }
        case "span" where current != nil && classes.contains("dspname"):
          current?.speakerID = attributes["wxid"].flatMap { $0.isEmpty ? nil : $0 }
          capture = .speaker
          gathered = ""
        case "pre" where current != nil && current?.textLines.isEmpty == true:
          capture = .body
        case "img" where classes.contains("transfer-icon"):
          current?.transfer = true
        case "br" where capture == .body:
          current?.text += "\n"
          current?.textLines.append(line(offset))
        default:
          break
        }
      case .end(let name):
        switch name {
        case "title":
          if capture == .title { capture = .none }
        case "span" where capture == .speaker:
          current?.speaker = TextEscapes.htmlUnescape(gathered).trimmingWhitespace
          capture = .time
          gathered = ""
        case "pre" where capture == .body:
          capture = .none
        case "div":
          if capture == .time {
            let raw = TextEscapes.htmlUnescape(gathered).trimmingWhitespace
            if !raw.isEmpty { current?.rawTime = raw }
            capture = .none
          }
          if current != nil && divDepth == messageDepth { finishMessage() }
          divDepth = max(divDepth - 1, 0)
        default:
          break
        }
      case .text(let chunk, let offset):
        switch capture {
        case .none: break
        case .title: titleText += String(decoding: chunk, as: UTF8.self)
        case .speaker, .time: gathered += String(decoding: chunk, as: UTF8.self)
        case .body:
          guard var message = current else { return }
          var start = chunk.startIndex
          if message.textLines.isEmpty {
            if chunk.first == 0x0A { start += 1 }
            guard start < chunk.endIndex else { return }
            message.textLines = [line(offset + (start - chunk.startIndex))]
          }
          let piece = chunk[start...]
          message.text += TextEscapes.htmlUnescape(String(decoding: piece, as: UTF8.self))
          for (index, byte) in zip(piece.indices, piece) where byte == 0x0A {
            message.textLines.append(line(offset + (index - chunk.startIndex) + 1))
          }
          message.lastLine = max(message.lastLine, line(offset + (chunk.endIndex - chunk.startIndex) - 1))
          current = message
        }
      }
    }
    finishMessage()
    let title = TextEscapes.htmlUnescape(titleText).trimmingWhitespace
    if let suffix = titleSuffixes.first(where: { title.hasSuffix($0) }) {
      result.chatName = String(title.dropLast(suffix.count))
    } else if !title.isEmpty {
      result.chatName = title
    }
    return result
  }

  /// `text` without trailing line breaks (a `<pre>` often ends with one), with `lines` cut to
  /// match.
  private static func trimmedTrailingBreaks(_ text: String, lines: inout [Int]) -> String {
    var trimmed = Substring(text)
    while trimmed.last == "\n" {
      trimmed = trimmed.dropLast()
      if lines.count > 1 { lines.removeLast() }
    }
    return String(trimmed)
  }
}

extension String {
  /// The string without leading and trailing white space.
  fileprivate var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
