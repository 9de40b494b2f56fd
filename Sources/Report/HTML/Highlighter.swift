import Signals

/// A range of a unit's text to highlight, with its tooltip and style.
struct HighlightSpan: Hashable {
  /// Start offset in Unicode scalars into the unit's text (inclusive).
  var start: Int
  /// End offset in Unicode scalars (exclusive).
  var end: Int
  /// Tooltip text (`rule · clauses`), unescaped.
  var title: String
  /// CSS class of the mark, e.g. `lvl-high` or `suppressed`.
  var style: String
  /// Which style wins where spans overlap: the highest rank.
  var rank: Int
}

/// One physical line of a unit's text.
struct UnitLine {
  /// Offset in Unicode scalars of the line's first scalar within the unit's text.
  var start: Int
  /// The line's text, without the `\n`.
  var text: String
  /// The line's length in Unicode scalars.
  var count: Int
}

/// Renders unit text as escaped HTML with `<mark>` around highlighted spans.
enum Highlighter {
  /// The lines of `text`, split on `\n`, each with its scalar offset.
  static func lines(of text: String) -> [UnitLine] {
    guard text.utf8.contains(0x0A) else {
      return [UnitLine(start: 0, text: text, count: text.unicodeScalars.count)]
    }
    var lines: [UnitLine] = []
    var current = String.UnicodeScalarView()
    var start = 0
    var count = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        lines.append(UnitLine(start: start, text: String(current), count: count))
        start += count + 1
        current = String.UnicodeScalarView()
        count = 0
      } else {
        current.append(scalar)
        count += 1
      }
    }
    lines.append(UnitLine(start: start, text: String(current), count: count))
    return lines
  }

  /// Lines longer than this many Unicode scalars are shown in part: around each highlight, or
  /// their beginning when nothing is highlighted.
  static let longLine = 4000
  /// Scalars kept on each side of a highlight in a long line (and at the start of one without).
  static let keptContext = 200

  /// The escaped HTML of one line with the parts of `spans` that fall on it marked. Overlapping
  /// spans are merged into one mark whose tooltip lists them all and whose style is the highest
  /// ranked; a span crossing line breaks is marked on each line it covers. In a line longer than
  /// `longLine`, the parts far from any highlight are replaced by a note of how much is left out.
  static func render(_ line: UnitLine, spans: [HighlightSpan]) -> String {
    let local = spans.compactMap { span -> HighlightSpan? in
      let start = max(span.start - line.start, 0)
      let end = min(span.end - line.start, line.count)
      guard start < end else { return nil }
      var clipped = span
      clipped.start = start
      clipped.end = end
      return clipped
    }
    guard !local.isEmpty || line.count > longLine else { return HTML.escape(line.text) }
    let kept = keptRanges(count: line.count, spans: local)
    let cuts = Set(
      [0, line.count] + kept.flatMap { [$0.lowerBound, $0.upperBound] }
        + local.flatMap { [$0.start, $0.end] }
    ).sorted()
    let scalars = line.text.unicodeScalars
    var index = scalars.startIndex
    var html = ""
    var pendingText = ""
    var pendingSpans: [HighlightSpan] = []
    func flush() {
      guard !pendingText.isEmpty else { return }
      html += mark(HTML.escape(pendingText), spans: pendingSpans)
      pendingText = ""
    }
    for (lower, upper) in zip(cuts, cuts.dropFirst()) where lower < upper {
      let next = scalars.index(index, offsetBy: upper - lower)
      defer { index = next }
      guard kept.contains(where: { $0.contains(lower) }) else {
        flush()
        html += "<span class=\"elided\">…(\(upper - lower) characters not shown)…</span>"
        continue
      }
      let covering = local.filter { $0.start <= lower && upper <= $0.end }
      if covering != pendingSpans {
        flush()
        pendingSpans = covering
      }
      pendingText += String(scalars[index..<next])
    }
    flush()
    return html
  }

  /// The parts of a line that are shown: all of it when short; otherwise `keptContext` scalars
  /// around each span, merged, or the beginning when there is no span.
  static func keptRanges(count: Int, spans: [HighlightSpan]) -> [Range<Int>] {
    guard count > longLine else { return [0..<count] }
    let windows =
      spans.isEmpty
      ? [0..<keptContext]
      : spans.map { max($0.start - keptContext, 0)..<min($0.end + keptContext, count) }
    var merged: [Range<Int>] = []
    for window in windows.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, window.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
      } else {
        merged.append(window)
      }
    }
    return merged
  }

  /// `content` wrapped in a mark for `spans`, or unchanged when there are none.
  private static func mark(_ content: String, spans: [HighlightSpan]) -> String {
    guard let top = spans.max(by: { $0.rank < $1.rank }) else { return content }
    var titles: [String] = []
    for span in spans where !titles.contains(span.title) { titles.append(span.title) }
    return "<mark class=\"sig \(HTML.escape(top.style))\" title=\""
      + HTML.escape(titles.joined(separator: "\n")) + "\">" + content + "</mark>"
  }
}
