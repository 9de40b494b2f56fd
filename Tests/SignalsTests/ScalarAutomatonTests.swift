import Testing

@testable import Signals

/// `ScalarAutomaton` finds, in a text read in place, the patterns that a scan of the normalised
/// text with the byte automaton finds.
@Suite struct ScalarAutomatonTests {
  /// A scalar automaton and the byte automaton over the same patterns.
  private struct BothWays {
    let patterns: [String]
    let automaton: ScalarAutomaton
    let bytes: AhoCorasick

    init(_ patterns: [String]) {
      self.patterns = patterns
      let folded = patterns.map { TextNormalizer.fold($0) }
      automaton = ScalarAutomaton(patterns: folded)
      bytes = AhoCorasick(patterns: folded.map { Array($0.utf8) })
    }

    /// The patterns found in `text` by the scalar automaton and by a scan of the normalised text.
    func find(in text: String) -> (folding: Set<String>, scanned: Set<String>) {
      var found = StampedIDSet(capacity: automaton.patternCount)
      automaton.patterns(inFolding: text, into: &found)
      let scanned = bytes.scan(TextNormalizer.normalize(text).utf8).map { patterns[Int($0.pattern)] }
      return (Set(found.members.map { patterns[$0] }), Set(scanned))
    }
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
      let (folding, scanned) = both.find(in: text)
      #expect(folding == scanned, "\(text)")
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
      let (folding, scanned) = both.find(in: text)
      if folding != scanned { mismatched.append(text) }
      hits += scanned.count
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
    let bytes = AhoCorasick(patterns: patterns.map { Array($0.utf8) })
    var random = SplitMix64(seed: 0x5261_7742)
    var found = StampedIDSet(capacity: automaton.patternCount)
    var mismatched: [[UInt8]] = []
    var hits = 0
    for _ in 0..<3_000 {
      let input = (0..<random.below(24)).flatMap { _ in pieces[random.below(pieces.count)] }
      let repaired = TextNormalizer.normalize(String(decoding: input, as: UTF8.self))
      let expected = Set(bytes.scan(repaired.utf8).map { Int($0.pattern) })
      input.withUnsafeBufferPointer { automaton.patterns(inFoldingUTF8: $0, into: &found) }
      if Set(found.members) != expected { mismatched.append(input) }
      hits += expected.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 500)
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
      let (folding, scanned) = both.find(in: text)
      if folding != scanned { mismatched.append(text) }
    }
    #expect(mismatched.isEmpty)
  }
}
