import Testing

@testable import Signals

/// The fixed-point arithmetic behind `MoneyExtractor`: exact below the kept limit, rounded half
/// up to fen, and saturating far above it.
@Suite struct ExactYuanTests {
  @Test func roundsToFenHalfUp() {
    #expect(ExactYuan(5, tenthsPower: 3).fen == 1)  // 0.005 yuan
    #expect(ExactYuan(49, tenthsPower: 4).fen == 0)  // 0.0049 yuan
    #expect(ExactYuan(1995, tenthsPower: 3).fen == 200)  // 1.995 yuan
    #expect(ExactYuan(1, tenthsPower: 24).fen == 0)
  }

  @Test func decimalDigitsAccumulateExactly() {
    var value = ExactYuan(12)
    for (place, digit) in [3, 4, 5].enumerated() { value = value.addingDecimalDigit(digit, place: place + 1) }
    #expect((value * 10_000).fen == 12_345_000)  // 12.345万
    #expect(value.addingDecimalDigit(9, place: 25) == value)
    #expect(ExactYuan(1).tenth.tenth == ExactYuan(1, tenthsPower: 2))
  }

  @Test func amountsFrom10ToThe13YuanAreDropped() {
    let limit = ExactYuan(10_000_000) * 1_000_000  // 10¹³ yuan
    #expect(limit.fen == nil)
    #expect((limit - .one).fen == 999_999_999_999_900)
    #expect((ExactYuan.zero - ExactYuan(1, tenthsPower: 1)).fen == nil)
  }

  @Test func valuesPastTheCeilingStayThere() {
    let huge = ExactYuan(Int.max) * 100_000_000
    #expect(huge == .ceiling)
    #expect(huge - .one == .ceiling)
    #expect(huge + .one == .ceiling)
    #expect((huge * 10).fen == nil)
    #expect(huge * 0 == .zero)
    #expect(ExactYuan.one.appendingDigit(7) == ExactYuan(17))
  }

  @Test func extractorReadsLongAndDecimalNumbersAsBefore() {
    let cases: [(String, Int64?)] = [
      ("1.995元", 200), ("12.345万", 12_345_000), ("0.005元", 1), ("3.5k", 350_000), ("1万2", 1_200_000),
      ("壹万贰仟元整", 1_200_000), ("五千亿元", 50_000_000_000_000), ("99999999999999元", nil),
      ("一万亿亿元", nil),
    ]
    for (text, fen) in cases {
      let found = MoneyExtractor.extract(from: text)
      #expect(found.first?.low == fen, "\(text)")
    }
  }
}
