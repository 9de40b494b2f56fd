import Testing

@testable import Signals

/// The bit masks and merged vocabularies that stand in for sets during evaluation answer as the
/// sets they replace.
@Suite struct PatternMaskTests {
  @Test func aMaskHoldsExactlyItsIds() {
    var random = SplitMix64(seed: 0x4D41_534B)
    for _ in 0..<300 {
      let ids = Set((0..<random.below(20)).map { _ in random.below(300) })
      let mask = PatternMask(ids)
      for id in -3..<320 { #expect(mask.contains(id) == ids.contains(id)) }
    }
    #expect(!PatternMask([]).contains(0))
    #expect(PatternMask([-1, 64]).contains(64) && !PatternMask([-1, 64]).contains(-1))
  }

  @Test func selectionByMaskIsSelectionBySet() {
    let patterns = ["a", "ab", "ba", "aba", "跑分", "分a", "b跑", "跑"]
    let automaton = ScalarAutomaton(patterns: patterns)
    let alphabet: [Character] = ["a", "b", "跑", "分", "，"]
    var random = SplitMix64(seed: 0x5345_4C4D)
    for _ in 0..<400 {
      let text = String((0..<(1 + random.below(60))).map { _ in alphabet[random.below(alphabet.count)] })
      let normalized = TextNormalizer.normalize(text)
      let context = UnitMatchContext(
        text: text, normalized: normalized, hits: automaton.scan(normalized.utf8), lengths: automaton.patternLengths)
      let chosen = Set((0..<random.below(patterns.count + 1)).map { _ in random.below(patterns.count) })
      #expect(context.select(PatternMask(chosen)) == context.select(chosen))
    }
  }

  @Test func theQualifiersAreEveryVocabularyThatCanQualifyAnOccurrence() {
    var table = PatternTable()
    let negation = CompiledNegation(.standard, table: &table)
    let union = Set(
      negation.cues.ids + negation.hypothetical.ids + negation.questionPseudo.ids + negation.afterCues.ids
        + negation.refusals.ids + negation.requestRefusals.ids)
    #expect(Set(negation.qualifiers.ids) == union)
    #expect(!union.isEmpty)
    for id in negation.breakers.ids where !union.contains(id) { #expect(!negation.qualifiers.contains(id)) }
  }
}
