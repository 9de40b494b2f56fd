/// A minimal streaming reader for well-formed XML (OOXML parts): start tags with their
/// attributes, end tags, and text with character references and CDATA decoded. Processing
/// instructions, comments and doctypes are skipped. Names keep their namespace prefix (`w:p`).
struct XMLEventReader {
  /// One event.
  enum Event {
    case start(name: String, attributes: [String: String], selfClosing: Bool)
    case end(name: String)
    case text(String)
  }

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Calls `handle` for every event in document order; returns false when the markup was
  /// malformed (an unterminated tag, comment or CDATA section).
  mutating func run(_ handle: (Event) -> Void) -> Bool {
    var textStart = 0
    func emitText(upTo end: Int) {
      if end > textStart {
        handle(.text(TextEscapes.htmlUnescape(String(decoding: bytes[textStart..<end], as: UTF8.self))))
      }
    }
    while position < bytes.count {
      guard bytes[position] == UInt8(ascii: "<") else {
        position += 1
        continue
      }
      emitText(upTo: position)
      if starts(with: "<![CDATA[") {
        guard let end = find("]]>", from: position + 9) else { return false }
        handle(.text(String(decoding: bytes[(position + 9)..<end], as: UTF8.self)))
        position = end + 3
      } else if starts(with: "<!--") {
        guard let end = find("-->", from: position + 4) else { return false }
        position = end + 3
      } else if starts(with: "<?") || starts(with: "<!") {
        guard let end = find(">", from: position + 2) else { return false }
        position = end + 1
      } else if starts(with: "</") {
        guard let end = find(">", from: position + 2) else { return false }
        let name = String(decoding: bytes[(position + 2)..<end], as: UTF8.self).trimmingSpaces
        handle(.end(name: name))
        position = end + 1
      } else {
        guard let tag = readStartTag() else { return false }
        handle(.start(name: tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing))
      }
      textStart = position
    }
    emitText(upTo: bytes.count)
    return true
  }

  private mutating func readStartTag() -> (name: String, attributes: [String: String], selfClosing: Bool)? {
    var index = position + 1
    var quote: UInt8?
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        break
      }
      index += 1
    }
    guard index < bytes.count else { return nil }
    var inner = bytes[(position + 1)..<index]
    let selfClosing = inner.last == UInt8(ascii: "/")
    if selfClosing { inner = inner.dropLast() }
    position = index + 1
    let nameEnd = inner.firstIndex(where: Self.isSpace) ?? inner.endIndex
    let name = String(decoding: inner[inner.startIndex..<nameEnd], as: UTF8.self)
    return (name, Self.attributes(inner[nameEnd...]), selfClosing)
  }

  /// `key="value"` pairs, values unescaped.
  private static func attributes(_ text: ArraySlice<UInt8>) -> [String: String] {
    var result: [String: String] = [:]
    var index = text.startIndex
    while index < text.endIndex {
      while index < text.endIndex, isSpace(text[index]) { index += 1 }
      let keyStart = index
      while index < text.endIndex, text[index] != UInt8(ascii: "="), !isSpace(text[index]) { index += 1 }
      let key = String(decoding: text[keyStart..<index], as: UTF8.self)
      while index < text.endIndex, text[index] != UInt8(ascii: "\""), text[index] != UInt8(ascii: "'") { index += 1 }
      guard index < text.endIndex else { break }
      let quote = text[index]
      index += 1
      let valueStart = index
      while index < text.endIndex, text[index] != quote { index += 1 }
      if !key.isEmpty {
        result[key] = TextEscapes.htmlUnescape(String(decoding: text[valueStart..<min(index, text.endIndex)], as: UTF8.self))
      }
      index += 1
    }
    return result
  }

  private func starts(with literal: String) -> Bool {
    let pattern = Array(literal.utf8)
    return bytes.count - position >= pattern.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
  }

  private func find(_ literal: String, from start: Int) -> Int? {
    let pattern = Array(literal.utf8)
    guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
    var index = start
    while index <= bytes.count - pattern.count {
      if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
      index += 1
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
}

extension String {
  /// The text without leading and trailing ASCII white space.
  var trimmingSpaces: String {
    let isSpace = { (character: Character) in character == " " || character == "\n" || character == "\t" || character == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[first...last])
  }
}
