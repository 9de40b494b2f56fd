/// Turns the element and text events of an HTML parse into blocks of visible text: one block per
/// block element, one per table row (cells separated by tabs), white space collapsed as a browser
/// shows it, `<br>` a line break, and for each line of text the file line of its first character.
///
/// Works on UTF-8 bytes: the text of a block is decoded into a `String` once, when it is done.
struct HTMLBlockBuilder {
  private static let tab: UInt8 = 0x09
  private static let newline: UInt8 = 0x0A
  private static let space: UInt8 = 0x20

  private var hiddenDepth = 0
  private var inRow = false
  /// The visible text of the current block: lines separated by `\n`, cells by tabs.
  private var text: [UInt8] = []
  /// The file line of each line of `text`.
  private var textLines: [Int] = []
  /// The file line of the last visible character of the block.
  private var lastLine = 0
  /// True when the current line of `text` has a visible character.
  private var lineOpen = false
  /// White space was met after the last visible character of the current line.
  private var pendingSpace = false
  /// The finished blocks, in document order.
  private(set) var blocks: [HTMLBlockCollector.Block] = []

  /// An element starts.
  mutating func start(_ role: HTMLElementRole) {
    if role == .hidden {
      hiddenDepth += 1
      return
    }
    guard hiddenDepth == 0 else { return }
    switch role {
    case .row:
      flush()
      inRow = true
    case .cell where inRow:
      if lineOpen {
        text.append(Self.tab)
        pendingSpace = false
      }
    case .lineBreak:
      endLine()
    case .block, .table:
      if !inRow { flush() }
    case .hidden, .cell, .inline:
      break
    }
  }

  /// An element ends.
  mutating func end(_ role: HTMLElementRole) {
    if role == .hidden {
      hiddenDepth = max(0, hiddenDepth - 1)
      return
    }
    guard hiddenDepth == 0 else { return }
    switch role {
    case .row, .table:
      flush()
      inRow = false
    case .block:
      if !inRow { flush() }
    case .hidden, .cell, .lineBreak, .inline:
      break
    }
  }

  /// Text with references already decoded. `endLine` is the file line just after its last byte
  /// and every line break in `bytes` is a line break of the file, so each visible character's
  /// line is `endLine` minus the breaks that follow it.
  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, endLine: Int) {
    guard hiddenDepth == 0, !bytes.isEmpty else { return }
    let totalBreaks = Self.breakCount(bytes)
    var breaks = 0
    var breaksBeforeLast = -1
    var index = 0
    var runStart = -1
    func appendRun(upTo end: Int) {
      guard runStart >= 0 else { return }
      appendVisible(UnsafeBufferPointer(rebasing: bytes[runStart..<end]), line: endLine - (totalBreaks - breaks))
      runStart = -1
    }
    while index < bytes.count {
      let width = Self.whiteSpaceWidth(bytes, at: index)
      if width == 0 {
        if runStart < 0 { runStart = index }
        breaksBeforeLast = breaks
        index += 1
        continue
      }
      appendRun(upTo: index)
      if bytes[index] == Self.newline { breaks += 1 }
      if lineOpen { pendingSpace = true }
      index += width
    }
    appendRun(upTo: bytes.count)
    if breaksBeforeLast >= 0 { lastLine = max(lastLine, endLine - (totalBreaks - breaksBeforeLast)) }
  }

  /// Ends the document: the last block is flushed.
  mutating func finish() { flush() }

  /// The finished blocks so far, which the builder then forgets.
  mutating func takeBlocks() -> [HTMLBlockCollector.Block] {
    defer { blocks.removeAll() }
    return blocks
  }

  private mutating func appendVisible(_ run: UnsafeBufferPointer<UInt8>, line: Int) {
    if !lineOpen {
      if !textLines.isEmpty { text.append(Self.newline) }
      textLines.append(line)
      lineOpen = true
    } else if pendingSpace && text.last != Self.tab {
      text.append(Self.space)
    }
    pendingSpace = false
    text.append(contentsOf: run)
  }

  /// Closes the current line of text (`<br>`): trailing cell separators are dropped.
  private mutating func endLine() {
    while text.last == Self.tab { text.removeLast() }
    lineOpen = false
    pendingSpace = false
  }

  private mutating func flush() {
    endLine()
    defer {
      text.removeAll(keepingCapacity: true)
      textLines.removeAll(keepingCapacity: true)
      lastLine = 0
    }
    guard let first = textLines.first else { return }
    blocks.append(
      HTMLBlockCollector.Block(
        kind: inRow ? .row : .paragraph, text: String(decoding: text, as: UTF8.self), line: first,
        endLine: max(first, lastLine), textLines: textLines))
  }

  /// The line breaks in `bytes`.
  private static func breakCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte == newline { count += 1 }
    return count
  }

  /// The length of the white-space character (Unicode White_Space: ASCII blanks, NEL, no-break
  /// and ideographic spaces, the U+2000 block) at `index`, 0 when it is visible.
  static func whiteSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return byte == space || (0x09...0x0D).contains(byte) ? 1 : 0 }
    let remaining = bytes.count - index
    switch byte {
    case 0xC2 where remaining >= 2:
      return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
    case 0xE1 where remaining >= 3:
      return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
    case 0xE2 where remaining >= 3:
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80 { return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
      return second == 0x81 && third == 0x9F ? 3 : 0
    case 0xE3 where remaining >= 3:
      return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
    default:
      return 0
    }
  }
}
