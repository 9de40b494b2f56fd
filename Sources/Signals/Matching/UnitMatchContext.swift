/// One occurrence of a pattern in a normalised unit, in scalar offsets `[start, end)`.
struct Occurrence: Sendable, Hashable {
  var pattern: Int
  var start: Int
  var end: Int

  var length: Int { end - start }

  func overlaps(_ other: Occurrence) -> Bool { start < other.end && other.start < end }

  func contains(_ other: Occurrence) -> Bool { start <= other.start && other.end <= end }
}

/// Everything known about one unit that has candidate hits: its normalised and original scalars
/// and every pattern occurrence.
struct UnitMatchContext {
  let normalized: NormalizedText
  let scalars: [Unicode.Scalar]
  let original: [Unicode.Scalar]
  /// All occurrences of all patterns, sorted by start, longer first.
  let occurrences: [Occurrence]

  init(text: String, normalized: NormalizedText, hits: [AhoCorasick.Hit], lengths: [Int32]) {
    self.normalized = normalized
    scalars = Array(String(decoding: normalized.utf8, as: UTF8.self).unicodeScalars)
    original = Array(text.unicodeScalars)
    let byByte = normalized.scalarOffsetsByByte()
    occurrences = hits.map { hit in
      let end = Int(hit.end)
      let start = end - Int(lengths[Int(hit.pattern)])
      return Occurrence(pattern: Int(hit.pattern), start: Int(byByte[start]), end: Int(byByte[end]))
    }
    .sorted { ($0.start, -$0.end, $0.pattern) < ($1.start, -$1.end, $1.pattern) }
  }

  /// The occurrences of `patterns`, chosen longest first without overlaps, sorted by start.
  func select(_ patterns: Set<Int>) -> [Occurrence] {
    let candidates = occurrences.filter { patterns.contains($0.pattern) }
      .sorted { ($1.length, $0.start) < ($0.length, $1.start) }
    var chosen: [Occurrence] = []
    for candidate in candidates where !chosen.contains(where: { $0.overlaps(candidate) }) {
      chosen.append(candidate)
    }
    return chosen.sorted { $0.start < $1.start }
  }

  /// The original text covering normalised scalars `[start, end)`, with its original range.
  func originalSlice(start: Int, end: Int) -> (text: String, range: Range<Int>) {
    let range = normalized.originalRange(start: start, end: end)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: original[range])
    return (String(view), range)
  }
}
