/// Finds the quoted, forwarded, prohibition and reported spans of a normalised text (`inside` /
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
  /// Marks that end a sentence: a prohibition never runs past one.
  private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", ";", "！", "!", "？", "?", "\n"]

  let scalars: [Unicode.Scalar]

  /// Scalars one of which every span of the kind holds (a quote mark or 引; 转 or 聊 of a forward
  /// marker; the first scalar of a prohibition cue): a text without any has no span of the kind.
  /// Short lists, compared scalar by scalar (cheaper than hashing every scalar of the text).
  private static func telltales(of kind: SpanKind) -> [Unicode.Scalar] {
    switch kind {
    case .quote: ["「", "『", "“", "‘", "\"", "引"]
    case .forward: ["转", "聊"]
    case .prohibition: ["不", "禁", "严", "切"]
    case .reported: Array(ReportedSpeech.telltales)
    }
  }

  /// The spans of `kind`, sorted by start.
  func spans(_ kind: SpanKind) -> [Range<Int>] {
    let telltales = Self.telltales(of: kind)
    guard scalars.contains(where: telltales.contains) else { return [] }
    return switch kind {
    case .quote: (quotedWords() + quoteLines()).sorted { $0.lowerBound < $1.lowerBound }
    case .forward: forwarded()
    case .prohibition: prohibitions()
    case .reported: ReportedSpeech(scalars: scalars).spans()
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

  /// Clauses holding a prohibition cue, with the clauses that continue them (a following clause
  /// starting 包括, 例如 …; the preceding clause when the cue starts its own, as in “赌博用途，一律禁止”).
  /// Clauses end at ，,；;：:。！!？? and line breaks; a prohibition never spans a sentence end.
  private func prohibitions() -> [Range<Int>] {
    let clauses = clauseRanges()
    var spans: [Range<Int>] = []
    for (index, clause) in clauses.enumerated() {
      guard let cue = clause.range.first(where: { position in Self.prohibitionCues.contains { starts(with: $0, at: position) } })
      else { continue }
      var start = clause.range.lowerBound
      var end = clause.range.upperBound
      if cue - start <= 2, index > 0, !clauses[index - 1].endsSentence { start = clauses[index - 1].range.lowerBound }
      var next = index + 1
      while next < clauses.count, !clauses[next - 1].endsSentence,
        Self.continuations.contains(where: { starts(with: $0, at: firstNonSpace(clauses[next].range)) })
      {
        end = clauses[next].range.upperBound
        next += 1
      }
      if let last = spans.last, last.upperBound >= start {
        spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, end)
      } else {
        spans.append(start..<end)
      }
    }
    return spans
  }

  /// Words that open a clause continuing the one before it.
  static let continuations = ["包括", "包含", "例如", "比如", "如", "即", "尤其", "特别是", "含", "以及", "或者", "或"]
    .map { Array($0.unicodeScalars) }
  /// Marks that end a clause for `prohibition`; those in `sentenceEnds` also end its sentence.
  private static let clauseEnds = sentenceEnds.union(["，", ",", "：", ":"])

  /// Every clause, its end mark included, and whether that mark ends the sentence.
  private func clauseRanges() -> [(range: Range<Int>, endsSentence: Bool)] {
    var clauses: [(range: Range<Int>, endsSentence: Bool)] = []
    var start = 0
    for (index, scalar) in scalars.enumerated() where Self.clauseEnds.contains(scalar) {
      clauses.append((start..<(index + 1), Self.sentenceEnds.contains(scalar)))
      start = index + 1
    }
    if start < scalars.count { clauses.append((start..<scalars.count, true)) }
    return clauses
  }

  private func firstNonSpace(_ range: Range<Int>) -> Int {
    range.first { scalars[$0] != " " } ?? range.lowerBound
  }

  /// Whether `marker` is written at `index`; its first scalar is compared first, since the
  /// markers are looked for at every scalar of the text.
  private func starts(with marker: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + marker.count <= scalars.count else { return false }
    guard let first = marker.first else { return true }
    return scalars[index] == first && scalars[index..<(index + marker.count)].elementsEqual(marker)
  }
}
