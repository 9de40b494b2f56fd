/// Finds where a piece of a large text file may end: just after a line break, before a line
/// where the format lets a new piece start (`DocumentParser.startsPiece`).
struct PieceCutter {
  /// The format's parser.
  let parser: any DocumentParser

  /// The first offset at or after `from` in `bytes` that follows a `\n` and begins a line
  /// (complete, up to its own `\n`) where a piece may start; nil when there is none yet.
  func cut(in bytes: [UInt8], from: Int) -> Int? {
    var lineStart = nextLineStart(in: bytes, from: max(from, 1))
    while let start = lineStart, let end = lineEnd(in: bytes, from: start) {
      let previousStart = self.lineStart(in: bytes, endingBefore: start - 1)
      let line = Self.text(bytes[start..<end])
      let previous = Self.text(bytes[previousStart..<(start - 1)])
      if parser.startsPiece(line, after: previous) { return start }
      lineStart = end + 1 < bytes.count ? end + 1 : nil
    }
    return nil
  }

  /// The offset just after the last `\n` in `bytes`, or nil when there is none.
  static func lastLineBreakEnd(in bytes: [UInt8]) -> Int? {
    bytes.lastIndex(of: 0x0A).map { $0 + 1 }
  }

  /// The start of the first line beginning at or after `from`.
  private func nextLineStart(in bytes: [UInt8], from: Int) -> Int? {
    var index = from
    while index <= bytes.count {
      if bytes[index - 1] == 0x0A { return index < bytes.count ? index : nil }
      index += 1
    }
    return nil
  }

  /// The offset of the `\n` ending the line that starts at `start`.
  private func lineEnd(in bytes: [UInt8], from start: Int) -> Int? {
    bytes[start...].firstIndex(of: 0x0A)
  }

  /// The start of the line whose `\n` is at `breakIndex`.
  private func lineStart(in bytes: [UInt8], endingBefore breakIndex: Int) -> Int {
    var index = breakIndex
    while index > 0, bytes[index - 1] != 0x0A { index -= 1 }
    return index
  }

  /// A line's text without a final `\r`.
  private static func text(_ bytes: ArraySlice<UInt8>) -> Substring {
    let trimmed = bytes.last == 0x0D ? bytes.dropLast() : bytes
    return Substring(String(decoding: trimmed, as: UTF8.self))
  }
}
