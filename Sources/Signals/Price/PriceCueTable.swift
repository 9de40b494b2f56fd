/// Cue phrases (normalised, none empty), each with a value, and for each scalar the cues that
/// start with it: a window around an amount is read position by position against the few cues
/// that can start there, instead of every cue at every position.
struct PriceCueTable<Value: Sendable>: Sendable {
  /// The cues, in the order given: of two cues equally near, the earlier counts.
  private let cues: [(phrase: [Unicode.Scalar], value: Value)]
  /// For each first scalar, the indices of the cues starting with it, ascending.
  private let byFirst: [Unicode.Scalar: [Int]]
  /// Bit `value % 64` of each first scalar: most positions are passed over without a lookup.
  private let firstBits: UInt64

  /// The table of `cues`.
  init(_ cues: [(phrase: [Unicode.Scalar], value: Value)]) {
    self.cues = cues
    var byFirst: [Unicode.Scalar: [Int]] = [:]
    var firstBits: UInt64 = 0
    for (index, cue) in cues.enumerated() {
      guard let first = cue.phrase.first else { continue }
      byFirst[first, default: []].append(index)
      firstBits |= Self.bit(first)
    }
    self.byFirst = byFirst
    self.firstBits = firstBits
  }

  /// The value of the cue nearest to `[start, end)` among those lying wholly in `window` and
  /// outside the amount (the earlier cue of two equally near).
  func nearest(to start: Int, _ end: Int, within window: Range<Int>, in scalars: [Unicode.Scalar]) -> Value? {
    var best: (distance: Int, cue: Int)?
    for index in window {
      guard firstBits & Self.bit(scalars[index]) != 0, let candidates = byFirst[scalars[index]] else { continue }
      for cue in candidates {
        let phrase = cues[cue].phrase
        let phraseEnd = index + phrase.count
        guard phraseEnd <= window.upperBound, phraseEnd <= start || index >= end,
          scalars[index..<phraseEnd].elementsEqual(phrase)
        else { continue }
        let distance = index >= end ? index - end : start - phraseEnd
        if best.map({ (distance, cue) < ($0.distance, $0.cue) }) ?? true { best = (distance, cue) }
      }
    }
    return best.map { cues[$0.cue].value }
  }

  /// The bit of `scalar` in `firstBits`.
  private static func bit(_ scalar: Unicode.Scalar) -> UInt64 {
    1 << UInt64(scalar.value & 63)
  }
}
