import Testing

@testable import Signals

/// Random texts over an alphabet of the characters the parsers treat specially: nothing may trap,
/// and every offset must lie inside the text.
@Suite struct RobustnessTests {
  static let alphabet = Array(
    "0123456789.,-~至到一二两三十百千万亿零壹贰仟元块毛角分¥￥$uUkKwW多左右以上以下不没有是不是如果吗？?，。 　\u{200B}\u{FEFF}ＡＵ后台控制输赢跑分码商")

  /// A deterministic linear congruential generator, so failures reproduce.
  struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  static func texts(count: Int, seed: UInt64) -> [String] {
    var generator = Generator(state: seed)
    return (0..<count).map { _ in
      String((0..<generator.next(24)).map { _ in alphabet[generator.next(alphabet.count)] })
    }
  }

  @Test func moneyOffsetsStayInsideTheText() {
    for text in Self.texts(count: 3000, seed: 7) {
      let length = text.unicodeScalars.count
      for amount in MoneyExtractor.extract(from: text) {
        #expect(0 <= amount.start && amount.start < amount.end && amount.end <= length, "\(text)")
        if let low = amount.low, let high = amount.high { #expect(low <= high, "\(text)") }
      }
    }
  }

  @Test func scannerOffsetsStayInsideTheText() throws {
    let lexicon = try TestLexicon.set(ExtendedOperatorTests.lexicon)
    let scanner = SignalScanner(lexicon: lexicon)
    let operators = SignalScanner(lexicon: try TestLexicon.set(OperatorTests.lexicon))
    for text in Self.texts(count: 2000, seed: 11) {
      let length = text.unicodeScalars.count
      for signal in scanner.scan(line: text) + operators.scan(line: text) {
        for part in signal.matched {
          #expect(0 <= part.start && part.start < part.end && part.end <= length, "\(text)")
        }
      }
    }
  }
}
