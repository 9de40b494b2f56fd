/// A small HTML tokenizer: start and end tags, text with its byte offset, comments, doctype and
/// raw-text elements (`script`, `style` skipped; `title`, `textarea` read as text). Tag names are
/// lower-cased; character references in text are decoded by the consumer.
///
/// It is forgiving like a browser: a `<` that starts no tag is text, an unclosed comment or
/// raw-text element runs to the end.
struct HTMLTokenizer {
  /// What the tokenizer found.
  enum Token {
    /// A start tag: name, attributes (names lower-cased, values with references decoded) and the
    /// byte offset of its `<`.
    case start(String, attributes: [String: String], offset: Int)
    case end(String)
    /// Raw text (references not decoded) and the byte offset of its first byte; the bytes are
    /// those the tokenizer reads, valid while the token is handled.
    case text(Slice<UnsafeBufferPointer<UInt8>>, offset: Int)
  }

  /// Elements whose content is not markup; the first two are never shown.
  static let skippedRawText: Set<String> = ["script", "style"]
  static let readRawText: Set<String> = ["title", "textarea"]

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  /// A tokenizer of `bytes`, read in place: they must stay valid while it runs.
  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Tokenizes `bytes`, calling `handle` for every token in order.
  static func run(_ bytes: [UInt8], _ handle: (Token) -> Void) {
    bytes.withUnsafeBufferPointer { buffer in
      var tokenizer = HTMLTokenizer(buffer)
      tokenizer.run(handle)
    }
  }

  /// Calls `handle` for every token in order.
  mutating func run(_ handle: (Token) -> Void) {
    var textStart = 0
    func emitText(upTo end: Int) {
      if end > textStart { handle(.text(bytes[textStart..<end], offset: textStart)) }
    }
    while position < bytes.count {
      guard bytes[position] == UInt8(ascii: "<") else {
        position += 1
        continue
      }
      let tagStart = position
      if starts(with: "<!--") {
        emitText(upTo: tagStart)
        position = find("-->", from: position + 4).map { $0 + 3 } ?? bytes.count
        textStart = position
      } else if starts(with: "<!") || starts(with: "<?") {
        emitText(upTo: tagStart)
        position = find(">", from: position + 2).map { $0 + 1 } ?? bytes.count
        textStart = position
      } else if starts(with: "</"), position + 2 < bytes.count, Self.isLetter(bytes[position + 2]) {
        emitText(upTo: tagStart)
        position += 2
        let name = readName()
        position = find(">", from: position).map { $0 + 1 } ?? bytes.count
        handle(.end(name))
        textStart = position
      } else if position + 1 < bytes.count, Self.isLetter(bytes[position + 1]) {
        emitText(upTo: tagStart)
        position += 1
        let name = readName()
        let attributesStart = position
        skipAttributes()
        handle(.start(name, attributes: Self.attributes(bytes[attributesStart..<max(attributesStart, position - 1)]), offset: tagStart))
        textStart = position
        if Self.skippedRawText.contains(name) || Self.readRawText.contains(name) {
          let close = findClosing(name) ?? bytes.count
          if Self.readRawText.contains(name) { handle(.text(bytes[position..<close], offset: position)) }
          position = close
          textStart = position
        }
      } else {
        position += 1
      }
    }
    emitText(upTo: bytes.count)
  }

  private func starts(with literal: String) -> Bool {
    let pattern = Array(literal.utf8)
    return bytes.count - position >= pattern.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
  }

  private func find(_ literal: String, from start: Int) -> Int? {
    let pattern = Array(literal.utf8)
    guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
    return (start...(bytes.count - pattern.count)).first { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
  }

  /// The offset of `</name` (any case) after `position`.
  private func findClosing(_ name: String) -> Int? {
    let pattern = Array("</\(name)".utf8)
    var index = position
    while let candidate = find("</", from: index) {
      let end = candidate + pattern.count
      if end <= bytes.count, bytes[candidate..<end].map(Self.lower).elementsEqual(pattern) { return candidate }
      index = candidate + 2
    }
    return nil
  }

  private mutating func readName() -> String {
    let start = position
    while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
    return String(decoding: bytes[start..<position].map(Self.lower), as: UTF8.self)
  }

  /// Moves past the attributes and the closing `>`, honouring quoted values.
  private mutating func skipAttributes() {
    var quote: UInt8?
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return
      }
    }
  }

  /// `name="value"`, `name='value'`, `name=value` and bare `name` attributes.
  static func attributes(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> [String: String] {
    var result: [String: String] = [:]
    var index = text.startIndex
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
    while index < text.endIndex {
      while index < text.endIndex, isSpace(text[index]) || text[index] == UInt8(ascii: "/") { index += 1 }
      let nameStart = index
      while index < text.endIndex, !isSpace(text[index]), text[index] != UInt8(ascii: "="), text[index] != UInt8(ascii: "/") {
        index += 1
      }
      guard index > nameStart else { break }
      let name = String(decoding: text[nameStart..<index].map(lower), as: UTF8.self)
      while index < text.endIndex, isSpace(text[index]) { index += 1 }
      guard index < text.endIndex, text[index] == UInt8(ascii: "=") else {
        result[name] = result[name] ?? ""
        continue
      }
      index += 1
      while index < text.endIndex, isSpace(text[index]) { index += 1 }
      var valueStart = index
      var valueEnd = index
      if index < text.endIndex, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
        let quote = text[index]
        valueStart = index + 1
        index = valueStart
        while index < text.endIndex, text[index] != quote { index += 1 }
        valueEnd = index
        index = min(index + 1, text.endIndex)
      } else {
        while index < text.endIndex, !isSpace(text[index]) { index += 1 }
        valueEnd = index
      }
      if result[name] == nil {
        result[name] = TextEscapes.htmlUnescape(String(decoding: text[valueStart..<valueEnd], as: UTF8.self))
      }
    }
    return result
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
  }

  private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
}
