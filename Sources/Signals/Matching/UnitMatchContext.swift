import Foundation
import Ingest

/// One occurrence in a normalised unit, in scalar offsets `[start, end)`: a literal pattern, an
/// amount of money or a regex match.
struct Occurrence: Sendable, Hashable {
  /// Where an occurrence comes from.
  enum Source: Sendable, Hashable {
    case literal
    /// Index into `UnitMatchContext.amounts`.
    case money(Int)
    /// A regex id.
    case regex(Int)
  }

  /// The pattern id for literals; -1 otherwise.
  var pattern: Int
  var start: Int
  var end: Int
  var source: Source = .literal

  var length: Int { end - start }

  func overlaps(_ other: Occurrence) -> Bool { start < other.end && other.start < end }

  func contains(_ other: Occurrence) -> Bool { start <= other.start && other.end <= end }
}

/// Everything known about one unit that has candidate hits: its normalised and original scalars
/// and every pattern occurrence.
///
/// A value type over one shared, class-held storage: every rule evaluation and expression
/// evaluator holds a copy, and a copy then costs one reference count instead of one per array.
struct UnitMatchContext {
  /// The held values; replaced by a copy before a mutation when shared.
  private final class Storage {
    let normalized: NormalizedText
    let scalars: [Unicode.Scalar]
    let original: [Unicode.Scalar]
    let occurrences: [Occurrence]
    /// The length of the longest occurrence (0 when there is none).
    let longestOccurrence: Int
    var amounts: [MoneyAmount] = []
    var regexMatches: [Int: [Occurrence]] = [:]
    /// The spans of each kind once asked for (`spans(_:)`).
    var quoteSpans: [Range<Int>]?
    var forwardSpans: [Range<Int>]?
    var prohibitionSpans: [Range<Int>]?
    var reportedSpans: [Range<Int>]?
    /// The offset of a final `?` once asked for (`finalQuestionMark`): nil until then.
    var questionMark: Int??
    /// The normalised text as a string once asked for (`normalizedString`).
    var string: String?

    init(normalized: NormalizedText, scalars: [Unicode.Scalar], original: [Unicode.Scalar], occurrences: [Occurrence]) {
      self.normalized = normalized
      self.scalars = scalars
      self.original = original
      self.occurrences = occurrences
      longestOccurrence = occurrences.lazy.map { $0.length }.max() ?? 0
    }

    func copy() -> Storage {
      let copy = Storage(normalized: normalized, scalars: scalars, original: original, occurrences: occurrences)
      copy.amounts = amounts
      copy.regexMatches = regexMatches
      copy.quoteSpans = quoteSpans
      copy.forwardSpans = forwardSpans
      copy.prohibitionSpans = prohibitionSpans
      copy.reportedSpans = reportedSpans
      copy.questionMark = questionMark
      copy.string = string
      return copy
    }
  }

  private var storage: Storage

  /// The folded text with its map to the original.
  var normalized: NormalizedText { storage.normalized }
  /// The scalars of the normalised text.
  var scalars: [Unicode.Scalar] { storage.scalars }
  /// The scalars of the original text.
  var original: [Unicode.Scalar] { storage.original }
  /// All occurrences of all patterns, sorted by start, longer first.
  var occurrences: [Occurrence] { storage.occurrences }
  /// The length of the longest literal occurrence, in scalars.
  var longestOccurrence: Int { storage.longestOccurrence }
  /// Amounts of money in the normalised text (empty unless a candidate rule uses `money`).
  var amounts: [MoneyAmount] { storage.amounts }
  /// Matches of the regexes candidate rules use, by regex id.
  var regexMatches: [Int: [Occurrence]] { storage.regexMatches }

  init(text: String, normalized: NormalizedText, hits: [ScalarAutomaton.Hit], lengths: [Int32]) {
    let byByte = normalized.scalarOffsetsByByte()
    var occurrences = hits.map { hit in
      let end = Int(hit.end)
      let start = end - Int(lengths[Int(hit.pattern)])
      return Occurrence(pattern: Int(hit.pattern), start: Int(byByte[start]), end: Int(byByte[end]))
    }
    occurrences.sort { ($0.start, -$0.end, $0.pattern) < ($1.start, -$1.end, $1.pattern) }
    storage = Storage(
      normalized: normalized, scalars: UTF8Scalars.decode(normalized.utf8, count: normalized.count),
      original: UTF8Scalars.decode(text), occurrences: occurrences)
  }

  /// The spans of `kind` in the normalised text (`EnclosingSpans`), found once per unit: every
  /// rule with `inside` / `not_inside` evaluated on the unit asks for them.
  func spans(_ kind: SpanKind) -> [Range<Int>] {
    let storage = self.storage
    let known: [Range<Int>]? =
      switch kind {
      case .quote: storage.quoteSpans
      case .forward: storage.forwardSpans
      case .prohibition: storage.prohibitionSpans
      case .reported: storage.reportedSpans
      }
    if let known { return known }
    let found = EnclosingSpans(scalars: scalars).spans(kind)
    switch kind {
    case .quote: storage.quoteSpans = found
    case .forward: storage.forwardSpans = found
    case .prohibition: storage.prohibitionSpans = found
    case .reported: storage.reportedSpans = found
    }
    return found
  }

  /// The offset of the unit's last scalar other than whitespace when it is `?` (a question), else
  /// nil; found once per unit.
  var finalQuestionMark: Int? {
    if let known = storage.questionMark { return known }
    let scalars = self.scalars
    var mark = scalars.lastIndex { !$0.isWhitespaceScalar }
    if let last = mark, scalars[last] != "?" { mark = nil }
    storage.questionMark = .some(mark)
    return mark
  }

  /// The normalised text as a string, for regexes (of `re:` leaves and `extract` entries): made
  /// once per unit from its UTF-8, not once per regex from its scalars.
  var normalizedString: String {
    if let known = storage.string { return known }
    let string = normalized.string
    storage.string = string
    return string
  }

  /// The storage, unshared, for a mutation.
  private mutating func uniqueStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  /// Takes the whole text for forwarded (a message forwarded from elsewhere, told by its export
  /// rather than by a marker in its text): `not_inside: [forward]` then keeps every occurrence out.
  mutating func markWhollyForwarded() {
    uniqueStorage().forwardSpans = scalars.isEmpty ? [] : [0..<scalars.count]
  }

  /// Extracts the amounts of money.
  mutating func extractAmounts() {
    uniqueStorage().amounts = MoneyExtractor.amounts(in: scalars)
  }

  /// Runs the regexes (once each) over the normalised text.
  mutating func runRegexes(_ ids: Set<Int>, compiled: [CompiledRegex]) {
    let string = normalizedString
    let whole = NSRange(string.startIndex..<string.endIndex, in: string)
    let storage = uniqueStorage()
    for id in ids where storage.regexMatches[id] == nil {
      guard let expression = compiled[id].expression else { continue }
      storage.regexMatches[id] = expression.matches(in: string, range: whole).compactMap { match in
        guard match.range.length > 0, let range = Range(match.range, in: string) else { return nil }
        let start = string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: range.lowerBound)
        let length = string.unicodeScalars.distance(from: range.lowerBound, to: range.upperBound)
        return Occurrence(pattern: -1, start: start, end: start + length, source: .regex(id))
      }
    }
  }

  /// The amounts as occurrences.
  var moneyOccurrences: [Occurrence] {
    amounts.enumerated().map { Occurrence(pattern: -1, start: $0.element.start, end: $0.element.end, source: .money($0.offset)) }
  }

  /// Up to this many candidates, `select` compares each with those chosen instead of marking
  /// the scalars taken in an array as long as the unit.
  private static let directOverlapLimit = 16

  /// The occurrences of `patterns`, chosen longest first without overlaps, sorted by start.
  func select(_ patterns: Set<Int>) -> [Occurrence] {
    select { patterns.contains($0) }
  }

  /// The same for the patterns of a mask (a rule's, made once: no id is hashed).
  func select(_ patterns: PatternMask) -> [Occurrence] {
    select { patterns.contains($0) }
  }

  /// The occurrences of the patterns `isSelected` accepts, as `select(_:)` chooses them; the
  /// arrays are sorted in place.
  @inline(__always)
  private func select(where isSelected: (Int) -> Bool) -> [Occurrence] {
    var candidates = occurrences.filter { isSelected($0.pattern) }
    candidates.sort { ($1.length, $0.start) < ($0.length, $1.start) }
    var chosen: [Occurrence] = []
    chosen.reserveCapacity(candidates.count)
    if candidates.count <= Self.directOverlapLimit {
      // Few candidates: each is compared with those chosen (an empty one takes no scalar).
      for candidate in candidates
      where candidate.start == candidate.end
        || !chosen.contains(where: { $0.start < $0.end && $0.overlaps(candidate) })
      {
        chosen.append(candidate)
      }
      chosen.sort { $0.start < $1.start }
      return chosen
    }
    // A candidate overlaps a chosen occurrence exactly when one of its scalars is taken.
    var taken = [Bool](repeating: false, count: scalars.count)
    for candidate in candidates where !taken[candidate.start..<candidate.end].contains(true) {
      chosen.append(candidate)
      for index in candidate.start..<candidate.end { taken[index] = true }
    }
    chosen.sort { $0.start < $1.start }
    return chosen
  }

  /// The original text covering normalised scalars `[start, end)`, with its original range.
  func originalSlice(start: Int, end: Int) -> (text: String, range: Range<Int>) {
    let range = normalized.originalRange(start: start, end: end)
    return (UTF8Scalars.string(original[range]), range)
  }
}
