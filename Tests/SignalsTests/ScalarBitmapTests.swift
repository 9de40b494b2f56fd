import Testing

@testable import Signals

/// `ScalarBitmap` and the folding automaton pass's short cuts for scalars folding leaves unchanged.
@Suite struct ScalarBitmapTests {
  @Test func bitmapHoldsExactlyTheScalarsFoldingLeavesUnchanged() {
    var mismatches: [UInt32] = []
    var identities = 0
    for value in UInt32(0)..<0x10000 {
      let bit = ScalarBitmap.foldIdentity.contains(value)
      let unchanged = Unicode.Scalar(value).map { TextNormalizer.fold($0) == $0 } ?? false
      if bit != unchanged { mismatches.append(value) }
      if bit { identities += 1 }
    }
    #expect(mismatches.isEmpty)
    #expect(identities > 40_000)
    #expect(ScalarBitmap.foldIdentity.contains(0x6C49))
    #expect(!ScalarBitmap.foldIdentity.contains(0x81FA))
  }

  @Test func foldingPassFindsWhatAScanOfTheNormalisedTextFindsOnSeededRandomText() {
    let alphabet: [Unicode.Scalar] = Array(
      "后台控制输赢資金盤後臺控製輸贏跑分收款测试客户快递，。！？ＡＢｕｓｄｔABCxyzΣΑσα😀 \u{3000}\u{200B}\u{FEFF}é\u{301}"
        .unicodeScalars)
    var random = SplitMix64(seed: 0x466F_6C64)
    var texts: [String] = []
    for _ in 0..<200 {
      var view = String.UnicodeScalarView()
      for _ in 0..<random.below(40) { view.append(alphabet[random.below(alphabet.count)]) }
      texts.append(String(view))
    }
    var patterns: Set<String> = []
    for text in texts.prefix(60) {
      let folded = Array(TextNormalizer.fold(text))
      guard folded.count > 2 else { continue }
      let start = random.below(folded.count - 2)
      patterns.insert(String(folded[start..<(start + 1 + random.below(3))]))
    }
    let ordered = patterns.sorted()
    let automaton = AhoCorasick(patterns: ordered.map { Array($0.utf8) })
    var found = StampedIDSet(capacity: automaton.patternCount)
    var mismatched: [String] = []
    var hits = 0
    for text in texts {
      let scanned = Set(automaton.scan(TextNormalizer.normalize(text).utf8).map { Int($0.pattern) })
      automaton.patterns(inFolding: text, into: &found)
      if Set(found.members) != scanned { mismatched.append(text) }
      hits += scanned.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 100)
  }

  @Test func threeByteSequencesAreThoseOfThePatternsOrAllWhenOneIsNotUTF8() {
    let set = ScalarBitmap.threeByteSequences(of: [Array("后台".utf8), Array("ab".utf8), Array("é😀".utf8)])
    #expect(set.contains(0x540E) && set.contains(0x53F0))
    #expect(!set.contains(0x7684) && !set.contains(0x61) && !set.contains(0xE9))
    let invalid = ScalarBitmap.threeByteSequences(of: [Array("后台".utf8), [0xA5, 0xBD]])
    #expect(invalid.contains(0x7684) && invalid.contains(0))
  }

  /// The bytes the folding pass feeds the automaton for `input`, scalar by scalar as the pass
  /// decodes them (also when the input is not valid UTF-8), with no short cut.
  static func fedBytes(_ input: [UInt8]) -> [UInt8] {
    var fed: [UInt8] = []
    var index = 0
    while index < input.count {
      let lead = UInt32(input[index])
      if lead < 0x80 {
        fed.append(UInt8(lead &- 0x41 < 26 ? lead | 0x20 : lead))
        index += 1
        continue
      }
      let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      guard index + length <= input.count else { break }
      var value = lead & (0xFF >> UInt32(length + 1))
      for offset in 1..<length { value = value << 6 | UInt32(input[index + offset]) & 0x3F }
      if let scalar = Unicode.Scalar(value), let folded = TextNormalizer.fold(scalar) {
        fed += folded == scalar ? Array(input[index..<(index + length)]) : Array(String(folded).utf8)
      }
      index += length
    }
    return fed
  }

  @Test func foldingPassOnRawBytesFindsWhatTheUnshortenedPassFindsEvenOnMalformedUTF8() {
    let patterns = ["后台", "控制输赢", "好", "台控", "usdt", "收款", "跑分", "的话"].map { Array(TextNormalizer.fold($0).utf8) }
    let pieces: [[UInt8]] = ["后", "台", "控", "制", "输", "赢", "好", "收", "款", "跑", "分", "的", "话", "是", "我", "後", "臺", "Ｕ", "S", "d", "t"]
      .map { Array($0.utf8) } + [[0xE5], [0xA5], [0xBD], [0xE4, 0xE5], [0x80, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x9F]]
    let automaton = AhoCorasick(patterns: patterns)
    var random = SplitMix64(seed: 0x5261_7742)
    var found = StampedIDSet(capacity: automaton.patternCount)
    var mismatched: [[UInt8]] = []
    var hits = 0
    for _ in 0..<2_000 {
      let input = (0..<random.below(24)).flatMap { _ in pieces[random.below(pieces.count)] }
      let expected = Set(automaton.scan(Self.fedBytes(input)).map { Int($0.pattern) })
      input.withUnsafeBufferPointer { automaton.patterns(inFoldingUTF8: $0, into: &found) }
      if Set(found.members) != expected { mismatched.append(input) }
      hits += expected.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 500)
  }
}
