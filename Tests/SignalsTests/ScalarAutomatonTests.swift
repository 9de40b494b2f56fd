import Testing

@testable import Signals

/// `ScalarAutomaton`: every occurrence in a folded text, and, in a text read in place, the
/// patterns a naive search of the normalised text finds.
@Suite struct ScalarAutomatonTests {
  /// Every occurrence of the `needles` (folded UTF-8) in `haystack`, as "needle@start".
  static func naiveOccurrences(_ needles: [[UInt8]], in haystack: [UInt8]) -> Set<String> {
    var found = Set<String>()
    for (id, needle) in needles.enumerated() where !needle.isEmpty && needle.count <= haystack.count {
      for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
        found.insert("\(id)@\(start)")
      }
    }
    return found
  }

  /// A scalar automaton over `patterns` (folded first) and a naive search of the normalised text.
  private struct BothWays {
    let patterns: [String]
    let folded: [[UInt8]]
    let automaton: ScalarAutomaton

    init(_ patterns: [String]) {
      self.patterns = patterns
      let folded = patterns.map { TextNormalizer.fold($0) }
      self.folded = folded.map { Array($0.utf8) }
      automaton = ScalarAutomaton(patterns: folded)
    }

    /// The patterns found in `text` read in place, and by a naive search of its normalised form.
    func find(in text: String) -> (folding: Set<String>, naive: Set<String>) {
      var found = StampedIDSet(capacity: automaton.patternCount)
      automaton.patterns(inFolding: text, into: &found)
      let naive = ScalarAutomatonTests.naiveOccurrences(folded, in: TextNormalizer.normalize(text).utf8)
      return (Set(found.members.map { patterns[$0] }), Set(naive.map { patterns[Int($0.prefix { $0 != "@" })!] }))
    }

    /// The occurrences `scan` finds in `text`'s normalised form, and those of a naive search.
    func occurrences(in text: String) -> (scanned: Set<String>, naive: Set<String>) {
      let normalized = TextNormalizer.normalize(text).utf8
      let scanned = automaton.scan(normalized).map { hit in
        "\(hit.pattern)@\(Int(hit.end) - Int(automaton.patternLengths[Int(hit.pattern)]))"
      }
      return (Set(scanned), ScalarAutomatonTests.naiveOccurrences(folded, in: normalized))
    }
  }

  /// The occurrences of `patterns` in `text` (read as folded already), as "pattern@byte offset".
  private func occurrences(_ patterns: [String], in text: String) -> Set<String> {
    let automaton = ScalarAutomaton(patterns: patterns)
    return Set(automaton.scan(Array(text.utf8)).map { hit in
      let start = Int(hit.end) - Int(automaton.patternLengths[Int(hit.pattern)])
      return "\(patterns[Int(hit.pattern)])@\(start)"
    })
  }

  @Test func scanFindsOverlappingPatterns() {
    #expect(occurrences(["he", "she", "his", "hers"], in: "ushers") == ["she@1", "he@2", "hers@2"])
  }

  @Test func scanFindsMixedChineseAndLatinTerms() {
    let found = occurrences(["控制输赢", "输赢", "usdt", "u", "后台"], in: "后台usdt控制输赢")
    #expect(found == ["后台@0", "usdt@6", "u@6", "控制输赢@10", "输赢@16"])
  }

  @Test func scanIgnoresEmptyPatterns() {
    #expect(occurrences(["", "a"], in: "aa") == ["a@0", "a@1"])
  }

  @Test func scanReportsPatternsEndingTogetherLongestFirst() {
    let automaton = ScalarAutomaton(patterns: ["赢", "控制输赢", "输赢"])
    #expect(automaton.scan(Array("控制输赢".utf8)).map(\.pattern) == [1, 2, 0])
  }

  /// Folding twice is not always folding once: 苎 and 苧 fold to each other, so a folded text is
  /// read as it is.
  @Test func scanReadsAFoldedTextAsItIs() {
    #expect(TextNormalizer.fold("苎") == "苧" && TextNormalizer.fold("苧") == "苎")
    #expect(occurrences(["苎麻", "苧麻"], in: "苎麻和苧麻") == ["苎麻@0", "苧麻@9"])
  }

  @Test func scanAgreesWithANaiveSearchOnManyTerms() {
    let stems = ["跑分", "码商", "卡农", "车手", "菠菜", "飞机", "后台", "控制", "输赢", "usdt"]
    var patterns: [String] = []
    for (index, stem) in stems.enumerated() {
      for suffix in ["", "号", "群", "平台", "\(index)"] { patterns.append(stem + suffix) }
    }
    for first in stems { for second in stems.prefix(4) { patterns.append(first + second) } }
    let both = BothWays(patterns)
    let (scanned, naive) = both.occurrences(in: String(repeating: "今天跑分平台的码商说后台控制输赢，菠菜群里usdt车手3卡农号飞机群", count: 3))
    #expect(patterns.count > 80)
    #expect(naive.count > 30)
    #expect(scanned == naive)
  }

  @Test func findsWhatAScanOfTheNormalisedTextFinds() {
    let patterns = [
      "后台控制", "输赢", "usdt", "vpn", "éclair", "σα", "资金盘", "a b", "😀跑分", "x", "控制", "台控", "?", "",
    ]
    let texts = [
      "後臺要能控製輸贏，資金盤", "ＵＳＤＴ和ＶＰＮ？", "Éclair ΣΑ", "控\u{200B}制输\u{202E}赢\u{FEFF}", "A\u{3000}B",
      "😀跑分😀", "nothing here", "", "XxX", "é\u{301}",
    ]
    let both = BothWays(patterns)
    for text in texts {
      let (folding, naive) = both.find(in: text)
      #expect(folding == naive, "\(text)")
      let (scanned, naiveOccurrences) = both.occurrences(in: text)
      #expect(scanned == naiveOccurrences, "\(text)")
    }
    #expect(both.find(in: "後臺控製輸贏").folding == ["后台控制", "输赢", "控制", "台控"])
    #expect(both.find(in: "Ａ\u{3000}Ｂ!?").folding == ["a b", "?"])
  }

  @Test func clearsWhatTheLastTextFound() {
    let automaton = ScalarAutomaton(patterns: ["赌博", "跑分"])
    var found = StampedIDSet(capacity: automaton.patternCount)
    automaton.patterns(inFolding: "赌博", into: &found)
    #expect(found.members == [0])
    automaton.patterns(inFolding: "跑分", into: &found)
    #expect(found.members == [1] && !found.contains(0))
    automaton.patterns(inFolding: "平常的话", into: &found)
    #expect(found.isEmpty)
  }

  @Test func findsWhatAScanOfTheNormalisedTextFindsOnSeededRandomText() {
    let alphabet: [Unicode.Scalar] = Array(
      "后台控制输赢資金盤後臺控製輸贏跑分收款测试客户快递，。！？ＡＢｕｓｄｔABCxyzΣΑσα😀𠀀 \u{3000}\u{200B}\u{FEFF}é\u{301}"
        .unicodeScalars)
    var random = SplitMix64(seed: 0x466F_6C64)
    var texts: [String] = []
    for _ in 0..<300 {
      var view = String.UnicodeScalarView()
      for _ in 0..<random.below(40) { view.append(alphabet[random.below(alphabet.count)]) }
      texts.append(String(view))
    }
    var patterns: Set<String> = []
    for text in texts.prefix(120) {
      let folded = Array(TextNormalizer.fold(text))
      guard folded.count > 2 else { continue }
      let start = random.below(folded.count - 2)
      patterns.insert(String(folded[start..<(start + 1 + random.below(3))]))
    }
    let both = BothWays(patterns.sorted())
    var mismatched: [String] = []
    var hits = 0
    for text in texts {
      let (folding, naive) = both.find(in: text)
      let (scanned, naiveOccurrences) = both.occurrences(in: text)
      if folding != naive || scanned != naiveOccurrences { mismatched.append(text) }
      hits += naive.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 200)
  }

  /// Malformed UTF-8 (stray continuation bytes, truncated, overlong and surrogate sequences) is
  /// read as characters in no pattern, as the replacement characters of a repairing decode are.
  @Test func readsMalformedBytesAsCharactersInNoPattern() {
    let patterns = ["后台", "控制输赢", "好", "台控", "usdt", "收款", "跑分", "的话", "a"].map { TextNormalizer.fold($0) }
    let pieces: [[UInt8]] =
      ["后", "台", "控", "制", "输", "赢", "好", "收", "款", "跑", "分", "的", "话", "是", "後", "臺", "Ｕ", "S", "d", "t", "😀"]
      .map { Array($0.utf8) }
      + [[0xE5], [0xA5], [0xBD], [0xE4, 0xE5], [0x80, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x9F],
        [0xC1, 0x81], [0xF0, 0x80, 0x81, 0x81], [0xF4, 0x90, 0x80, 0x80], [0xFF]]
    let automaton = ScalarAutomaton(patterns: patterns)
    let needles = patterns.map { Array($0.utf8) }
    var random = SplitMix64(seed: 0x5261_7742)
    var found = StampedIDSet(capacity: automaton.patternCount)
    var mismatched: [[UInt8]] = []
    var hits = 0
    for _ in 0..<3_000 {
      let input = (0..<random.below(24)).flatMap { _ in pieces[random.below(pieces.count)] }
      let repaired = TextNormalizer.normalize(String(decoding: input, as: UTF8.self))
      let expected = Set(Self.naiveOccurrences(needles, in: repaired.utf8).map { Int($0.prefix { $0 != "@" })! })
      input.withUnsafeBufferPointer { automaton.patterns(inFoldingUTF8: $0, into: &found) }
      if Set(found.members) != expected { mismatched.append(input) }
      hits += expected.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 500)
  }

  /// Well-formed UTF-8 read by the sieve's decoder gives the patterns that the checking decoder
  /// finds: ASCII and full-width letters, traditional characters, two- and four-byte scalars,
  /// zero-width marks that folding drops, and text cut only between scalars.
  @Test func readsWellFormedBytesAsTheCheckingDecoderDoes() {
    let patterns = ["后台", "控制输赢", "好", "台控", "usdt", "收款", "跑分", "的话", "a", "é", "😀跑"].map { TextNormalizer.fold($0) }
    let pieces = [
      "后", "台", "控", "制", "输", "赢", "好", "收", "款", "跑", "分", "的", "话", "是", "後", "臺", "Ｕ", "S", "d", "t", "😀",
      "é", "\u{200B}", "\u{FEFF}", " ", "\n", "，", "𠀀",
    ].map { Array($0.utf8) }
    let automaton = ScalarAutomaton(patterns: patterns)
    var random = SplitMix64(seed: 0x5765_6C6C)
    var checked = StampedIDSet(capacity: automaton.patternCount)
    var wellFormed = StampedIDSet(capacity: automaton.patternCount)
    var mismatched: [[UInt8]] = []
    var hits = 0
    for _ in 0..<3_000 {
      let input = (0..<random.below(24)).flatMap { _ in pieces[random.below(pieces.count)] }
      input.withUnsafeBufferPointer { bytes in
        automaton.patterns(inFoldingUTF8: bytes, into: &checked)
        automaton.patterns(inFoldingWellFormedUTF8: bytes, into: &wellFormed)
      }
      if checked.members != wellFormed.members { mismatched.append(input) }
      hits += checked.members.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 500)
  }

  /// Malformed bytes given to the sieve's decoder are never read past the end of the input (a
  /// debug build traps on such a read): a cut sequence is read as bytes in no pattern, and a
  /// stray continuation byte does not hide the character after it.
  @Test func wellFormedDecoderStaysInsideMalformedInput() {
    let automaton = ScalarAutomaton(patterns: ["跑分", "好"].map { TextNormalizer.fold($0) })
    var found = StampedIDSet(capacity: automaton.patternCount)
    let cases: [(input: [UInt8], found: [Int])] = [
      ([0xE5], []), ([0xE5, 0xA5], []), ([0xF0, 0x9F, 0x98], []), ([0xC3], []), ([0xFF, 0xFE], []),
      ([0xBD, 0xE5, 0xA5, 0xBD], [1]), ([0xE5, 0xA5, 0xBD, 0xE8, 0xB7], [1]),
    ]
    for (input, expected) in cases {
      input.withUnsafeBufferPointer { automaton.patterns(inFoldingWellFormedUTF8: $0, into: &found) }
      #expect(found.members == expected, "\(input)")
    }
  }

  /// Many patterns sharing characters make rows that must be packed around one another.
  @Test func packsManyOverlappingPatterns() {
    let characters = Array("跑分码商卡农车手菠菜飞机后台控制输赢平台收款出金")
    var random = SplitMix64(seed: 0x5061_636B)
    var patterns: Set<String> = []
    while patterns.count < 1_500 {
      patterns.insert(String((0..<(1 + random.below(5))).map { _ in characters[random.below(characters.count)] }))
    }
    let both = BothWays(patterns.sorted())
    var mismatched: [String] = []
    for _ in 0..<200 {
      let text = String((0..<random.below(30)).map { _ in characters[random.below(characters.count)] })
      let (folding, naive) = both.find(in: text)
      let (scanned, naiveOccurrences) = both.occurrences(in: text)
      if folding != naive || scanned != naiveOccurrences { mismatched.append(text) }
    }
    #expect(mismatched.isEmpty)
  }
}
