/// A JSON value with the physical lines it spans, for formats whose citations need lines
/// (Foundation's JSONSerialization does not report them).
indirect enum JSONValue: Sendable {
  case object([(key: String, value: JSONNode)])
  case array([JSONNode])
  case string(String)
  case number(String)
  case bool(Bool)
  case null
}

/// A JSON value and the 1-based lines where it starts and ends.
struct JSONNode: Sendable {
  let value: JSONValue
  let line: Int
  let endLine: Int
  /// False for an object or array cut short by an error (its closing bracket was never read).
  var isComplete = true

  /// The member `key` of an object.
  subscript(key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The string value, or the text of a number.
  var string: String? {
    switch value {
    case .string(let text), .number(let text): text
    default: nil
    }
  }

  /// The elements of an array (empty for other values).
  var elements: [JSONNode] {
    if case .array(let items) = value { return items }
    return []
  }
}

/// A recursive-descent JSON reader over UTF-8 bytes that counts LF, CRLF and CR line breaks.
///
/// It never throws: on malformed or truncated input it stops, records the error and returns the
/// values completed so far (a truncated export keeps the messages before the cut). In JavaScript
/// mode it also reads object literals as exporters write them into HTML: unquoted keys,
/// single-quoted strings, trailing commas and comments. Arrays named in `streaming` are not
/// built: each element is handed over as soon as it is read, so a large export never holds all
/// its messages at once.
struct LineTrackingJSON {
  /// The members of an object read so far.
  typealias Members = [(key: String, value: JSONNode)]

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var line = 1
  private var depth = 0
  private let javaScript: Bool
  /// The arrays handed over element by element, if any.
  private let streaming: Streaming?
  /// The member names from the root to the value being read (array elements add none).
  private var path: [String] = []
  /// The first error met, with its line.
  private(set) var error: (line: Int, message: String)?

  /// Deepest nesting accepted, to bound recursion on hostile input.
  static let maxDepth = 512

  /// Which arrays are not built but handed over element by element, and where the elements go.
  struct Streaming {
    /// The member-name paths of those arrays: `["chats", "list", "messages"]` is the `messages`
    /// of each element of `chats.list`; `[]` is the root value when it is an array.
    var paths: Set<[String]>
    /// Receives each element and the members read before the array in the object holding it
    /// (none for a root array).
    var element: (JSONNode, Members) -> Void
    /// Receives the members of an object that held a streamed array once the object ends
    /// (closed, or cut short by an error).
    var ownerEnded: (Members) -> Void = { _ in }
  }

  /// Parses `text`; the root is nil when not even its start could be read. Arrays named by
  /// `streaming` are empty in the tree returned.
  static func parse(_ text: String, streaming: Streaming? = nil) -> (root: JSONNode?, error: (line: Int, message: String)?) {
    var text = text
    return text.withUTF8 { bytes in
      var reader = LineTrackingJSON(bytes: bytes, javaScript: false, streaming: streaming)
      reader.skipWhitespace()
      let root = reader.value()
      if reader.error == nil {
        reader.skipWhitespace()
        if reader.position < reader.bytes.count { reader.fail("unexpected text after the JSON value") }
      }
      return (root, reader.error)
    }
  }

  /// Reads the JavaScript literal that follows the first occurrence of `marker` in `text` (for
  /// `const chatMessages = `); nil when the marker is absent. Text after the literal is ignored.
  static func parseJavaScript(
    _ text: String, after marker: String, streaming: Streaming? = nil
  ) -> (root: JSONNode?, error: (line: Int, message: String)?)? {
    guard !marker.isEmpty, let found = text.utf8Range(of: marker) else { return nil }
    let start = text.utf8.distance(from: text.startIndex, to: found.upperBound)
    var text = text
    return text.withUTF8 { bytes in
      var reader = LineTrackingJSON(bytes: bytes, javaScript: true, streaming: streaming)
      reader.advanceCountingLines(to: start)
      reader.skipWhitespace()
      let root = reader.value()
      return (root, reader.error)
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, javaScript: Bool, streaming: Streaming?) {
    self.bytes = bytes
    self.javaScript = javaScript
    self.streaming = streaming
  }

  /// Whether the array starting at `position` under `path` is streamed.
  private func streamsArray() -> Bool {
    guard let streaming, position < bytes.count, bytes[position] == UInt8(ascii: "[") else { return false }
    return streaming.paths.contains(path)
  }

  /// Moves to `offset`, counting the line breaks passed.
  private mutating func advanceCountingLines(to offset: Int) {
    while position < offset {
      let byte = bytes[position]
      position += 1
      if byte == 0x0A || (byte == 0x0D && !(position < bytes.count && bytes[position] == 0x0A)) { passedLineBreak() }
    }
  }

  /// Counts the line break just passed — unless it ends the text: a final break starts no line
  /// (as in `SourceLines`), so an error at the end of the text cites the last line.
  private mutating func passedLineBreak() {
    if position < bytes.count { line += 1 }
  }

  private mutating func fail(_ message: String) {
    if error == nil { error = (line, message) }
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      if javaScript, bytes[position] == UInt8(ascii: "/"), position + 1 < bytes.count {
        if bytes[position + 1] == UInt8(ascii: "*") {
          var end = position + 2
          while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) { end += 1 }
          advanceCountingLines(to: min(end + 2, bytes.count))
          continue
        }
        if bytes[position + 1] == UInt8(ascii: "/") {
          while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
          continue
        }
      }
      switch bytes[position] {
      case 0x20, 0x09: position += 1
      case 0x0A:
        position += 1
        passedLineBreak()
      case 0x0D:
        position += 1
        if position < bytes.count, bytes[position] == 0x0A { position += 1 }
        passedLineBreak()
      default: return
      }
    }
  }

  private mutating func value() -> JSONNode? {
    guard error == nil else { return nil }
    guard position < bytes.count else {
      fail("the file ends where a value was expected (truncated?)")
      return nil
    }
    let start = line
    switch bytes[position] {
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return depth == 0 && streamsArray() ? array(handingElementsTo: []) : array()
    case UInt8(ascii: "\""): return string().map { JSONNode(value: .string($0), line: start, endLine: line) }
    case UInt8(ascii: "'") where javaScript:
      return string().map { JSONNode(value: .string($0), line: start, endLine: line) }
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return number()
    }
  }

  private mutating func object() -> JSONNode? {
    let start = line
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else {
      fail("nesting deeper than \(Self.maxDepth) levels")
      return nil
    }
    position += 1
    var members: [(key: String, value: JSONNode)] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return JSONNode(value: .object(members), line: start, endLine: line)
    }
    var closed = false
    var streamedArray = false
    defer { if streamedArray { streaming?.ownerEnded(members) } }
    while error == nil {
      skipWhitespace()
      if javaScript, position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        closed = true
        break
      }
      guard let key = memberName() else {
        fail(javaScript ? "expected a member name" : "expected a quoted member name")
        break
      }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        fail("expected ':' after member name")
        break
      }
      position += 1
      skipWhitespace()
      path.append(key)
      let streams = streamsArray()
      streamedArray = streamedArray || streams
      let read = streams ? array(handingElementsTo: members) : value()
      path.removeLast()
      guard let member = read else { break }
      members.append((key, member))
      skipWhitespace()
      guard position < bytes.count else {
        fail("the file ends inside an object (truncated?)")
        break
      }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "}") {
        position += 1
        closed = true
        break
      } else {
        fail("expected ',' or '}' in an object")
      }
    }
    return JSONNode(value: .object(members), line: start, endLine: line, isComplete: closed)
  }

  /// Reads an array; with `owner` (the members of the object holding it) each element goes to
  /// `element` instead of the array.
  private mutating func array(handingElementsTo owner: Members? = nil) -> JSONNode? {
    let start = line
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else {
      fail("nesting deeper than \(Self.maxDepth) levels")
      return nil
    }
    position += 1
    var items: [JSONNode] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return JSONNode(value: .array(items), line: start, endLine: line)
    }
    var closed = false
    while error == nil {
      skipWhitespace()
      if javaScript, position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        closed = true
        break
      }
      guard let item = value() else { break }
      if let owner, let streaming { streaming.element(item, owner) } else { items.append(item) }
      skipWhitespace()
      guard position < bytes.count else {
        fail("the file ends inside an array (truncated?)")
        break
      }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
      } else if bytes[position] == UInt8(ascii: "]") {
        position += 1
        closed = true
        break
      } else {
        fail("expected ',' or ']' in an array")
      }
    }
    return JSONNode(value: .array(items), line: start, endLine: line, isComplete: closed)
  }

  private mutating func literal(_ word: String, _ value: JSONValue) -> JSONNode? {
    let expected = Array(word.utf8)
    guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected
    else {
      fail("unexpected character")
      return nil
    }
    position += expected.count
    return JSONNode(value: value, line: line, endLine: line)
  }

  private mutating func number() -> JSONNode? {
    let start = position
    while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
    guard position > start else {
      fail("unexpected character")
      return nil
    }
    return JSONNode(value: .number(String(decoding: bytes[start..<position], as: UTF8.self)), line: line, endLine: line)
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
      || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
  }

  /// Reads an object member name: a quoted string, or in JavaScript mode also an identifier.
  private mutating func memberName() -> String? {
    guard position < bytes.count else { return nil }
    let byte = bytes[position]
    if byte == UInt8(ascii: "\"") || (javaScript && byte == UInt8(ascii: "'")) { return string() }
    guard javaScript else { return nil }
    let start = position
    while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
    return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
  }

  /// Reads a quoted string at `position` (which holds the opening quote, `"` or in JavaScript
  /// mode `'`).
  private mutating func string() -> String? {
    let quote = bytes[position]
    position += 1
    // The text is built from runs of bytes decoded whole, with the escapes between them; a
    // string without escapes is decoded once.
    var text = ""
    var escaped = false
    var runStart = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == quote {
        let run = String(decoding: bytes[runStart..<position], as: UTF8.self)
        position += 1
        return escaped ? text + run : run
      }
      if byte == 0x0A || byte == 0x0D {
        fail("line break inside a string")
        return nil
      }
      if byte == UInt8(ascii: "\\") {
        text += String(decoding: bytes[runStart..<position], as: UTF8.self)
        position += 1
        guard let scalar = escape() else {
          fail("invalid escape in a string")
          return nil
        }
        text.unicodeScalars.append(scalar)
        escaped = true
        runStart = position
        continue
      }
      position += 1
    }
    fail("the file ends inside a string (truncated?)")
    return nil
  }

  /// Reads the escape after a backslash; `\u` surrogate pairs are combined.
  private mutating func escape() -> Unicode.Scalar? {
    guard position < bytes.count else { return nil }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "'") where javaScript: return "'"
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      guard let high = hex4() else { return nil }
      if (0xD800..<0xDC00).contains(high) {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        else { return nil }
        position += 2
        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      return Unicode.Scalar(high)
    default: return nil
    }
  }

  private mutating func hex4() -> UInt32? {
    guard bytes.count - position >= 4 else { return nil }
    let text = String(decoding: bytes[position..<position + 4], as: UTF8.self)
    position += 4
    return UInt32(text, radix: 16)
  }
}
