import Testing

@testable import Signals

/// A cue table finds the cue a reading of every cue at every position finds: the nearest to the
/// amount, the earlier listed of two equally near.
@Suite struct PriceCueTableTests {
  /// Every cue at every position of the window, cue by cue, as `PriceWording` read them before.
  private static func reference(
    _ cues: [(phrase: [Unicode.Scalar], value: Int)], start: Int, end: Int, window: Range<Int>,
    in scalars: [Unicode.Scalar]
  ) -> Int? {
    var best: (distance: Int, value: Int)?
    for (phrase, value) in cues {
      var index = window.lowerBound
      while index + phrase.count <= window.upperBound {
        if index + phrase.count <= start || index >= end, scalars[index..<index + phrase.count].elementsEqual(phrase) {
          let distance = index >= end ? index - end : start - (index + phrase.count)
          if best.map({ distance < $0.distance }) ?? true { best = (distance, value) }
        }
        index += 1
      }
    }
    return best?.value
  }

  @Test func findsTheCueThatReadingEveryCueFinds() {
    let phrases = ["每月", "月", "一个月", "个月", "报价", "价", "a", "ab", "月费", "每"]
    let cues = phrases.enumerated().map { (phrase: Array($1.unicodeScalars), value: $0) }
    let table = PriceCueTable(cues)
    let alphabet: [Unicode.Scalar] = ["每", "月", "一", "个", "报", "价", "a", "b", "费", "元"]
    var random = SplitMix64(seed: 0x4355_4553)
    var found = 0
    for _ in 0..<2_000 {
      let scalars = (0..<(4 + random.below(30))).map { _ in alphabet[random.below(alphabet.count)] }
      let start = random.below(scalars.count)
      let end = min(scalars.count, start + 1 + random.below(4))
      let lower = random.below(start + 1)
      let upper = end + random.below(scalars.count - end + 1)
      let expected = Self.reference(cues, start: start, end: end, window: lower..<upper, in: scalars)
      #expect(table.nearest(to: start, end, within: lower..<upper, in: scalars) == expected)
      if expected != nil { found += 1 }
    }
    #expect(found > 500)
  }
}
