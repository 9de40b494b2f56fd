import Foundation
import Testing

@testable import Signals

/// The short cuts of the per-unit evaluation give what the longer ways they replace gave: the
/// first candidate without listing them all, the longest-first selection without a scalar
/// array, the one-pass UTF-8 decoding, the numeral tables and the price services by pattern.
@Suite struct EvaluationShortcutTests {
  /// A unit with a few amounts, long enough for the random occurrences placed in it.
  private static func context() -> UnitMatchContext {
    let text = "报价3000元，两万块也行，5w起，大概五千多，usdt 200，再加上一些别的文字凑够长度"
    let normalized = TextNormalizer.normalize(text)
    var context = UnitMatchContext(text: text, normalized: normalized, hits: [], lengths: [])
    context.extractAmounts()
    return context
  }

  /// Random literal, money and regex occurrences, sorted by start then end.
  private static func occurrences(_ random: inout SplitMix64, amounts: Int) -> [Occurrence] {
    var result: [Occurrence] = []
    for _ in 0..<random.below(14) {
      let start = random.below(30)
      let end = start + 1 + random.below(4)
      switch random.below(6) {
      case 0: result.append(Occurrence(pattern: -1, start: start, end: end, source: .money(random.below(amounts))))
      case 1:
        let regex = random.below(PresenceProgramTests.regexAtoms.count)
        result.append(Occurrence(pattern: -1, start: start, end: end, source: .regex(regex)))
      default: result.append(Occurrence(pattern: random.below(16), start: start, end: end))
      }
    }
    return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }

  @Test func theFirstCandidateIsTheFirstOfAllCandidates() {
    let context = Self.context()
    #expect(context.amounts.count >= 3)
    let patterns = (0..<16).map { "p\($0)" }
    var random = SplitMix64(seed: 0x4649_5253)
    var found = 0
    for _ in 0..<3_000 {
      let occurrences = Self.occurrences(&random, amounts: context.amounts.count)
      let evaluator = ExpressionEvaluator(occurrences: occurrences, patterns: patterns, context: context)
      let expression = PresenceProgramTests.randomExpression(depth: 3, &random)
      let all = evaluator.evaluate(expression).first
      let first = evaluator.firstCandidate(expression)
      #expect(first?.parts == all?.parts)
      #expect(
        first?.writtenTrace(patterns: patterns, context: context)
          == all?.writtenTrace(patterns: patterns, context: context))
      if all != nil { found += 1 }
    }
    #expect(found > 500)
  }

  /// `UnitMatchContext.select` as it was written before its short cut for few candidates.
  private static func referenceSelect(_ context: UnitMatchContext, _ patterns: Set<Int>) -> [Occurrence] {
    let candidates = context.occurrences.filter { patterns.contains($0.pattern) }
      .sorted { ($1.length, $0.start) < ($0.length, $1.start) }
    var taken = [Bool](repeating: false, count: context.scalars.count)
    var chosen: [Occurrence] = []
    for candidate in candidates where !taken[candidate.start..<candidate.end].contains(true) {
      chosen.append(candidate)
      for index in candidate.start..<candidate.end { taken[index] = true }
    }
    return chosen.sorted { $0.start < $1.start }
  }

  @Test func selectionWithFewOrManyCandidatesIsTheLongestFirstChoice() {
    let patterns = ["a", "ab", "ba", "aba", "跑分", "分a", "b跑", "跑"]
    let automaton = ScalarAutomaton(patterns: patterns)
    let alphabet: [Character] = ["a", "b", "跑", "分", "，"]
    var random = SplitMix64(seed: 0x5345_4C45)
    var small = 0
    var large = 0
    for _ in 0..<600 {
      let text = String((0..<(1 + random.below(60))).map { _ in alphabet[random.below(alphabet.count)] })
      let normalized = TextNormalizer.normalize(text)
      let context = UnitMatchContext(
        text: text, normalized: normalized, hits: automaton.scan(normalized.utf8), lengths: automaton.patternLengths)
      let chosen = Set((0..<random.below(patterns.count + 1)).map { _ in random.below(patterns.count) })
      let count = context.occurrences.filter { chosen.contains($0.pattern) }.count
      if count <= 16 { small += 1 } else { large += 1 }
      #expect(context.select(chosen) == Self.referenceSelect(context, chosen))
    }
    #expect(small > 50 && large > 50)
  }

  @Test func utf8DecodingAndEncodingMatchTheStandardLibrary() {
    var random = SplitMix64(seed: 0x5554_4638)
    let pieces: [[UInt8]] = [
      Array("跑分".utf8), Array("a".utf8), Array("😀".utf8), Array("é".utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE4, 0xB8],
      [0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xF0, 0x9F, 0x98],
    ]
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<random.below(8) { bytes += pieces[random.below(pieces.count)] }
      let expected = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
      #expect(UTF8Scalars.decode(bytes, count: expected.count) == expected)
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(UTF8Scalars.decode(text) == Array(text.unicodeScalars))
      let scalars = Array(text.unicodeScalars)
      let cut = random.below(scalars.count + 1)
      #expect(UTF8Scalars.string(scalars[cut...]) == String(String.UnicodeScalarView(scalars[cut...])))
    }
  }

  @Test func priceTriggersNameTheServicesTheirChecksName() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let lexicon = CompiledLexicon(try LexiconLoader.load(directory: root.appendingPathComponent("lexicons")))
    var named = 0
    var priceRules = 0
    for rule in lexicon.rules {
      guard let check = rule.rule.price, let trigger = rule.priceTrigger else { continue }
      priceRules += 1
      // The rule's own phrases (those its matches look up) and every ninth other pattern.
      let checked = rule.matchPatterns.union(trigger.services).union(stride(from: 0, to: lexicon.patterns.count, by: 9))
      for pattern in checked {
        let expected = check.service(named: lexicon.patterns[pattern])
        #expect(trigger.service(of: pattern, in: check, patterns: lexicon.patterns) == expected)
        if expected != nil { named += 1 }
      }
    }
    #expect(priceRules > 0 && named > 10)
  }

  @Test func scalarTablesAnswerAsDictionaries() {
    let dictionary: [Unicode.Scalar: Int] = ["零": 0, "一": 1, "两": 2, "十": 10, "万": 10_000, "亿": 100_000_000, "k": 7]
    let table: ScalarValues = ["零": 0, "一": 1, "两": 2, "十": 10, "万": 10_000, "亿": 100_000_000, "k": 7]
    #expect(Set(table.keys) == Set(dictionary.keys))
    for scalar in "零一二两三十百千万亿kKw 0".unicodeScalars {
      #expect(table[scalar] == dictionary[scalar])
    }
  }
}
