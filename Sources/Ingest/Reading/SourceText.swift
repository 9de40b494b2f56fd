#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A decoded text file split into physical lines, the input of every text parser.
///
/// Lines are split on LF, CRLF and lone CR (each one break); line `n` (1-based) is `lines[n - 1]`
/// without its break. A final break does not start an extra empty line (see `SourceLines`).
struct SourceText: Sendable {
  /// The evidence path (relative, `/`-separated) used in diagnostics.
  let path: String
  /// The encoding the text was decoded from.
  let encoding: TextEncoding
  /// The physical lines, without their breaks.
  let lines: SourceLines
  /// Reading options (assumed time zone).
  let options: IngestOptions
  /// The sieve of a scan that needs only some messages whole; nil builds every unit whole.
  var sieve: UnitSieve?
  /// The lines of the file before this text: 0 for a whole file, more for a piece of a file read
  /// in pieces. Units and diagnostics are numbered within the text and shifted by the reader;
  /// a message that quotes a line number quotes `fileLine(_:)`.
  var lineOffset = 0

  /// The line of the file that line `number` of this text is.
  func fileLine(_ number: Int) -> Int { number + lineOffset }

  /// The complete lines of a file's first `bytes`, when they start with no binary signature and
  /// decode as UTF-8 (with or without a byte-order mark) — or, `acceptingDamage`, as UTF-8
  /// damaged in a few places (`UTF8Damage`, repaired here); nil otherwise. The readers of large
  /// files tell a format from this before choosing how to read the rest.
  init?(utf8Head bytes: [UInt8], path: String, options: IngestOptions, acceptingDamage: Bool = false) {
    guard BinarySignature.detect(bytes) == nil, let end = PieceCutter.lastLineBreakEnd(in: bytes) else { return nil }
    let decoded: (text: String, encoding: TextEncoding)
    switch TextDecoding.decode(Array(bytes[..<end])) {
    case .text(let text, let encoding): decoded = (text, encoding)
    case .damaged(let text, let encoding, _) where acceptingDamage: decoded = (text, encoding)
    default: return nil
    }
    guard decoded.encoding == .utf8 || decoded.encoding == .utf8BOM else { return nil }
    self.init(text: decoded.text, path: path, encoding: decoded.encoding, options: options)
  }

  /// Splits `text` into lines.
  init(text: String, path: String, encoding: TextEncoding, options: IngestOptions) {
    self.path = path
    self.encoding = encoding
    self.options = options
    self.lines = SourceLines(text)
  }

  /// The line with 1-based number `number`.
  func line(_ number: Int) -> Substring { lines[number - 1] }

  /// The file name without folders and without its last extension (`a/张三.txt` → `张三`): the
  /// conversation name for exporters that name the file after the chat.
  var fileStem: String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// The whole text with its lines separated by `\n` (line `n` of the result is line `n` of the
  /// file): the decoded text itself (every line is a slice of it) when it holds no carriage
  /// return, else the lines joined. Parsers that count lines on `\n` read this.
  var newlineText: String {
    let whole = lines.text
    let hasReturn = whole.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
    } ?? whole.utf8.contains(0x0D)
    return hasReturn ? lines.joined(separator: "\n") : whole
  }

  /// Which of `count` records a parser may leave unread (`TextUnit.elided`), given for each the
  /// lines that hold all of its unit's text (1-based, inclusive; extra text around it only makes
  /// the sieve keep more); nil when every record is to be read: there is no sieve, or too few
  /// records (see `UnitSieve.wholeMessages`). The records are taken as one conversation, in
  /// order.
  func elidable(count: Int, textLines: (Int) -> ClosedRange<Int>) -> [Bool]? {
    guard let sieve, count > sieve.minimumUnits else { return nil }
    let passes = sieve.test()
    return lines.withLineBytes { bytes in
      sieve.wholeMessages(count: count) { index in
        let range = textLines(index)
        return passes(bytes.utf8(ofLines: (range.lowerBound - 1)...(range.upperBound - 1)))
      }
    }.map { !$0 }
  }

  /// The first character that is neither white space nor a byte-order mark, or nil: a cheap
  /// first test for the formats that must open with a given character (JSON's `{` or `[`).
  ///
  /// Lines of ASCII white space only are passed over in place; the first other byte answers at
  /// once when it and the byte after it are ASCII (it is then a character of its own), else that
  /// line and the ones after it are read as characters.
  var firstSignificantCharacter: Character? {
    var answer: Character?
    var resumeAt: Int?
    lines.forEachUTF8(prefix: Int.max) { position, bytes in
      var index = 0
      while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { index += 1 }
      guard index < bytes.count else { return true }
      let byte = bytes[index]
      if byte < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 {
        answer = Character(Unicode.Scalar(byte))
      } else {
        resumeAt = position
      }
      return false
    }
    guard let resumeAt else { return answer }
    for line in lines[resumeAt...] {
      if let character = line.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) { return character }
    }
    return nil
  }


  /// The text of lines `first...last` (1-based, inclusive) joined with `\n`.
  func text(from first: Int, through last: Int) -> String {
    guard first <= last else { return "" }
    if first == last { return String(lines[first - 1]) }
    return lines[(first - 1)...(last - 1)].joined(separator: "\n")
  }

  /// Creates a diagnostic located in this file.
  func diagnostic(_ severity: Diagnostic.Severity, _ code: String, line: Int?, _ message: String) -> Diagnostic {
    Diagnostic(severity, code: code, file: path, line: line, message: message)
  }
}

extension Substring {
  /// True when the line holds only spaces, tabs and other white space (ASCII checked first, fast).
  /// A line whose first scalar is not white space is answered at once: its first character (which
  /// starts with that scalar) is then not white space either.
  ///
  /// A line led by any other byte than those of ASCII white space or of the few non-ASCII white
  /// space scalars (U+0085, U+00A0: C2; U+1680: E1; U+2000–U+205F: E2; U+3000: E3) is answered
  /// from that byte; CJK text (E4–E9) never reaches the Unicode property lookup.
  var isBlank: Bool {
    if let lead = utf8.first {
      if lead < 0x80, lead != 0x20, !(0x09...0x0D).contains(lead) { return false }
      if lead >= 0x80, lead != 0xC2, !(0xE1...0xE3).contains(lead) { return false }
    }
    if let first = unicodeScalars.first, !first.isWhitespaceScalar { return false }
    return utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0B || $0 == 0x0C } || allSatisfy(\.isWhitespace)
  }
}
