/// Visible HTML text being gathered: segments separated by `<br>`, each remembering the file line
/// of its first visible character, turned at the end into text lines with their file lines.
struct SegmentedText: Sendable {
  private var segments: [String] = [""]
  private var lines: [Int?] = [nil]

  /// True when nothing but white space has been gathered and no break was met.
  var isEmpty: Bool { segments.count == 1 && segments[0].allSatisfy(\.isWhitespaceCharacter) }

  /// Starts a new line (`<br>`).
  mutating func lineBreak() {
    segments.append("")
    lines.append(nil)
  }

  /// Adds raw text; `line` is the file line of its first visible character, nil for white space.
  mutating func append(_ text: String, line: Int?) {
    segments[segments.count - 1] += text
    if lines[lines.count - 1] == nil, let line { lines[lines.count - 1] = line }
  }

  /// Adds a separator (a tab between table cells) to the current line.
  mutating func appendSeparator(_ separator: String) { segments[segments.count - 1] += separator }

  /// The collapsed, non-empty lines joined with `\n`, and the file line of each.
  func finish() -> (text: String, lines: [Int]) {
    var texts: [String] = []
    var fileLines: [Int] = []
    for (segment, line) in zip(segments, lines) {
      let collapsed = HTMLBlockCollector.collapse(segment)
      guard !collapsed.isEmpty, let line else { continue }
      texts.append(collapsed)
      fileLines.append(line)
    }
    return (texts.joined(separator: "\n"), fileLines)
  }
}

extension TextUnit {
  /// `textLines` for text whose lines stand on `lines`: nil when they are `first, first + 1, …`.
  static func lineMap(_ lines: [Int], first: Int) -> [Int]? {
    lines.enumerated().allSatisfy { $0.element == first + $0.offset } ? nil : lines
  }

  /// `textLines` for multi-line text that all stands on one file line (JSON escapes, a DOCX
  /// paragraph, a spreadsheet cell); nil for single-line text.
  static func sameLine(_ line: Int, for text: String) -> [Int]? {
    let count = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    return count > 1 ? [Int](repeating: line, count: count) : nil
  }
}
