/// Plain text, the fallback for text in no known format: one `line` unit per non-blank line.
///
/// A line longer than `unitByteLimit` (text saved on one line) is read as several units, cut
/// after a sentence or clause mark where one is near, all cited at that line, with a warning:
/// one unit of megabytes could not place a finding closer than the line anyway, and the rule
/// engine's work on a unit grows with its size.
struct PlainTextParser: DocumentParser {
  let format = DocumentFormat.plainText

  /// The most bytes one unit of a long line holds.
  static let unitByteLimit = 16 * 1_024
  /// How far back from the limit a cut looks for a sentence or clause mark.
  private static let cutWindow = 2 * 1_024
  /// Bytes after which a unit may end: 。！？；，、 (E3 80 82, EF BC 81, EF BC 9F, EF BC 9B,
  /// EF BC 8C, E3 80 81 end in these bytes) and ASCII space, `.`, `!`, `?`, `;`, `,`.
  private static let cutAfter: Set<[UInt8]> = [
    [0xE3, 0x80, 0x82], [0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F], [0xEF, 0xBC, 0x9B], [0xEF, 0xBC, 0x8C],
    [0xE3, 0x80, 0x81], [0x20], [0x2E], [0x21], [0x3F], [0x3B], [0x2C],
  ]

  func detect(_ source: SourceText) -> Bool { true }

  /// Every line is a unit of its own.
  func startsPiece(_ line: Substring, after previous: Substring) -> Bool { true }

  var readsInPieces: Bool { true }

  func parse(_ source: SourceText) -> ParseOutcome {
    var outcome = ParseOutcome()
    for (offset, line) in source.lines.enumerated() where !line.isBlank {
      guard line.utf8.count > Self.unitByteLimit else {
        outcome.units.append(TextUnit(kind: .line, line: offset + 1, text: String(line)))
        continue
      }
      let parts = Self.parts(of: line)
      outcome.units += parts.map { TextUnit(kind: .line, line: offset + 1, text: String($0)) }
      outcome.diagnostics.append(
        source.diagnostic(
          .warning, "ingest.long-line", line: offset + 1,
          "line \(source.fileLine(offset + 1)) is \(line.utf8.count) bytes long; read as \(parts.count) units of at most \(Self.unitByteLimit / 1_024) KB, all cited at this line"
        ))
    }
    return outcome
  }

  /// `line` cut into parts of at most `unitByteLimit` bytes, each ending after the last sentence
  /// or clause mark within `cutWindow` bytes of the limit, else at the last whole scalar.
  static func parts(of line: Substring) -> [Substring] {
    let bytes = line.utf8
    var parts: [Substring] = []
    var start = bytes.startIndex
    while bytes.distance(from: start, to: bytes.endIndex) > unitByteLimit {
      let limit = bytes.index(start, offsetBy: unitByteLimit)
      var end = limit
      var probe = limit
      let floor = bytes.index(limit, offsetBy: -cutWindow)
      search: while probe > floor {
        for mark in cutAfter where bytes.distance(from: floor, to: probe) >= mark.count {
          if bytes[bytes.index(probe, offsetBy: -mark.count)..<probe].elementsEqual(mark) {
            end = probe
            break search
          }
        }
        probe = bytes.index(before: probe)
      }
      if end == limit {
        while end > start, (0x80...0xBF).contains(bytes[end]) { end = bytes.index(before: end) }
      }
      parts.append(line[start..<end])
      start = end
    }
    if start < bytes.endIndex { parts.append(line[start...]) }
    return parts
  }
}
