/// Finds the quoted, forwarded and prohibition spans of a normalised text (`inside` /
/// `not_inside`), as scalar ranges.
struct EnclosingSpans {
  /// Opening and closing marks of quoted words (normalisation has made full-width ＂ a straight `"`).
  private static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["「": "」", "『": "』", "“": "”", "‘": "’"]
  /// A chat export's quote line starts with one of these (after leading spaces).
  private static let quoteLinePrefixes = ["引用:", "引用："].map { Array($0.unicodeScalars) }
  /// Markers of a forwarded message; the span runs from the marker to the end of the text.
  static let forwardMarkers = [
    "[聊天记录]", "【聊天记录】", "合并转发的聊天记录", "[合并转发]", "【合并转发】", "[转发]", "【转发】", "转发的聊天记录",
    "以下为转发", "以下是转发",
  ].map { Array($0.unicodeScalars) }
  /// Words that make their sentence a prohibition.
  static let prohibitionCues = ["不得", "禁止", "严禁", "不准", "不允许", "切勿"].map { Array($0.unicodeScalars) }
  /// Marks that end a sentence for `prohibition`.
  private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", ";", "！", "!", "？", "?", "\n"]

  let scalars: [Unicode.Scalar]

  /// The spans of `kind`, sorted by start.
  func spans(_ kind: SpanKind) -> [Range<Int>] {
    switch kind {
    case .quote: (quotedWords() + quoteLines()).sorted { $0.lowerBound < $1.lowerBound }
    case .forward: forwarded()
    case .prohibition: prohibitions()
    }
  }

  /// Whether `[start, end)` lies within one of `spans`.
  static func encloses(_ spans: [Range<Int>], start: Int, end: Int) -> Bool {
    spans.contains { $0.lowerBound <= start && end <= $0.upperBound }
  }

  /// Text between paired marks, marks included; an unclosed mark opens nothing.
  private func quotedWords() -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var open: [(close: Unicode.Scalar, start: Int)] = []
    var straight: Int?
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\"" {
        if let start = straight {
          spans.append(start..<(index + 1))
          straight = nil
        } else {
          straight = index
        }
      } else if let close = Self.pairs[scalar] {
        open.append((close, index))
      } else if let last = open.lastIndex(where: { $0.close == scalar }) {
        spans.append(open[last].start..<(index + 1))
        open.removeSubrange(last...)
      }
    }
    return spans
  }

  /// `引用:` lines, from the marker to the end of the line.
  private func quoteLines() -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var lineStart = 0
    while lineStart < scalars.count {
      let lineEnd = scalars[lineStart...].firstIndex(of: "\n") ?? scalars.count
      var first = lineStart
      while first < lineEnd, scalars[first] == " " { first += 1 }
      if Self.quoteLinePrefixes.contains(where: { starts(with: $0, at: first) }) { spans.append(first..<lineEnd) }
      lineStart = lineEnd + 1
    }
    return spans
  }

  /// From the first forward marker to the end of the text.
  private func forwarded() -> [Range<Int>] {
    for index in scalars.indices where Self.forwardMarkers.contains(where: { starts(with: $0, at: index) }) {
      return [index..<scalars.count]
    }
    return []
  }

  /// Sentences holding a prohibition cue.
  private func prohibitions() -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var sentenceStart = 0
    var index = 0
    while sentenceStart < scalars.count {
      index = sentenceStart
      while index < scalars.count, !Self.sentenceEnds.contains(scalars[index]) { index += 1 }
      let end = min(index + 1, scalars.count)
      if (sentenceStart..<index).contains(where: { position in Self.prohibitionCues.contains { starts(with: $0, at: position) } }) {
        spans.append(sentenceStart..<end)
      }
      sentenceStart = end
    }
    return spans
  }

  private func starts(with marker: [Unicode.Scalar], at index: Int) -> Bool {
    index + marker.count <= scalars.count && scalars[index..<(index + marker.count)].elementsEqual(marker)
  }
}
