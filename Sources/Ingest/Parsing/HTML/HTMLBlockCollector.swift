/// Collects the visible text of an HTML page as blocks (one per block element, one per table
/// row, cells separated by tabs), each with the physical lines its text spans.
///
/// Lines come from byte offsets of the text in the source, so they are exact. Script, style,
/// template and noscript content and comments are not visible and are skipped; white space is
/// collapsed as a browser shows it and `<br>` becomes a line break.
struct HTMLBlockCollector {
  /// One block of visible text.
  struct Block: Sendable, Equatable {
    let kind: UnitKind
    let text: String
    let line: Int
    let endLine: Int
    /// The file line of each line of `text`.
    let textLines: [Int]
  }

  /// Elements whose content is never shown (script and style are skipped by the tokenizer).
  static let hidden: Set<String> = ["noscript", "template"]
  /// Elements that start and end a block of text.
  static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "ul", "title", "option", "legend", "html", "textarea",
  ]

  private let lines: LineIndex
  private var hiddenDepth = 0
  private var inRow = false
  private var segments = SegmentedText()
  private var firstLine: Int?
  private var lastLine = 0
  private(set) var blocks: [Block] = []

  /// The blocks of `text` (lines joined by `\n`).
  static func collect(_ text: String) -> [Block] {
    let bytes = Array(text.utf8)
    var collector = HTMLBlockCollector(bytes)
    var tokenizer = HTMLTokenizer(bytes)
    tokenizer.run { collector.take($0) }
    collector.flush(kind: collector.inRow ? .row : .paragraph)
    return collector.blocks
  }

  private init(_ bytes: [UInt8]) { lines = LineIndex(bytes) }

  private mutating func take(_ token: HTMLTokenizer.Token) {
    switch token {
    case .start(let name, _, _): start(name)
    case .end(let name): end(name)
    case .text(let chunk, let offset): text(chunk, offset: offset)
    }
  }

  private mutating func start(_ name: String) {
    if Self.hidden.contains(name) {
      hiddenDepth += 1
      return
    }
    guard hiddenDepth == 0 else { return }
    if name == "tr" {
      flush(kind: inRow ? .row : .paragraph)
      inRow = true
    } else if inRow && (name == "td" || name == "th") {
      if !segments.isEmpty { segments.appendSeparator("\t") }
    } else if name == "br" {
      segments.lineBreak()
    } else if Self.blockElements.contains(name) && !inRow {
      flush(kind: .paragraph)
    }
  }

  private mutating func end(_ name: String) {
    if Self.hidden.contains(name) {
      hiddenDepth = max(0, hiddenDepth - 1)
      return
    }
    guard hiddenDepth == 0 else { return }
    if name == "tr" || name == "table" {
      flush(kind: inRow ? .row : .paragraph)
      inRow = false
    } else if Self.blockElements.contains(name) && !inRow {
      flush(kind: .paragraph)
    }
  }

  private mutating func text(_ chunk: ArraySlice<UInt8>, offset: Int) {
    guard hiddenDepth == 0 else { return }
    guard let first = chunk.firstIndex(where: { !Self.isSpace($0) }),
      let last = chunk.lastIndex(where: { !Self.isSpace($0) })
    else {
      segments.append(" ", line: nil)
      return
    }
    let startLine = lines.line(at: offset + (first - chunk.startIndex))
    if firstLine == nil { firstLine = startLine }
    lastLine = max(lastLine, lines.line(at: offset + (last - chunk.startIndex)))
    segments.append(TextEscapes.htmlUnescape(String(decoding: chunk, as: UTF8.self)), line: startLine)
  }

  private mutating func flush(kind: UnitKind) {
    defer {
      segments = SegmentedText()
      firstLine = nil
      lastLine = 0
    }
    guard let firstLine else { return }
    let (text, textLines) = segments.finish()
    guard !text.isEmpty else { return }
    blocks.append(Block(kind: kind, text: text, line: firstLine, endLine: max(firstLine, lastLine), textLines: textLines))
  }

  /// White-space runs become one space and the ends are trimmed; tabs between cells are kept.
  static func collapse(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text {
      if character == "\t" {
        while result.last == " " { result.removeLast() }
        result += "\t"
        pendingSpace = false
      } else if character.isWhitespace {
        pendingSpace = !result.isEmpty && result.last != "\t"
      } else {
        if pendingSpace { result += " " }
        pendingSpace = false
        result.append(character)
      }
    }
    while result.last == "\t" { result.removeLast() }
    return result.first == "\t" ? String(result.drop { $0 == "\t" }) : result
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }
}
