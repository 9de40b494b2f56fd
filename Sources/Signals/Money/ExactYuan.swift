/// An amount of yuan held exactly as a whole number of 10⁻²⁴ yuan: the arithmetic of
/// `MoneyExtractor`, which reads decimals (`1.5万`), scales by magnitudes (万, 亿, k) and rounds to
/// fen once at the end.
///
/// It replaces Foundation's `Decimal`, whose every operation cost more than the rest of reading
/// an amount. Every value the extractor keeps (below 10¹³ yuan) with up to 24 decimal places is
/// exact. A value that reaches `ceiling` (10¹⁴ yuan) stays there: from then on it only grows, or
/// loses one yuan (the top of a hedged range), so it stays at or above the 10¹³ yuan the
/// extractor drops, as it did when it was exact. Decimal places beyond the 24th are dropped: no
/// amount is written so, they cannot move a value across the half fen it is rounded at, and they
/// only decide whether such a number can be the low end of a range (`0.…01至0`).
struct ExactYuan: Comparable, Sendable {
  /// Units in one yuan.
  static let scale: Int128 = 1_000_000_000_000_000_000_000_000
  /// `ceiling` in units.
  private static let ceilingUnits: Int128 = 100_000_000_000_000 * scale
  /// The largest value held (10¹⁴ yuan); anything larger is held as this.
  static let ceiling = ExactYuan(units: ceilingUnits)
  /// The largest amount kept as fen, exclusive (10¹³ yuan).
  private static let keptLimit: Int128 = 10_000_000_000_000 * scale

  /// The value in 10⁻²⁴ yuan.
  private(set) var units: Int128

  private init(units: Int128) { self.units = min(units, Self.ceilingUnits) }

  /// `yuan` whole yuan.
  init(_ yuan: Int) { self = Self.whole(yuan) }

  /// `count` tenths, hundredths, … of a yuan: `tenthsPower` is 1 for tenths, 2 for hundredths.
  init(_ count: Int, tenthsPower: Int) {
    var divisor: Int128 = 1
    for _ in 0..<tenthsPower { divisor *= 10 }
    units = Int128(count) * Self.scale / divisor
  }

  static let zero = ExactYuan(0)
  static let one = ExactYuan(1)

  /// Whether the value reached `ceiling`.
  private var isCeiling: Bool { units >= Self.ceilingUnits }

  /// The value with `digit` (0–9) appended as the next whole-yuan digit (`value × 10 + digit`).
  func appendingDigit(_ digit: Int) -> ExactYuan { self * 10 + Self.whole(digit) }

  /// The value plus `digit` in the decimal place `place` (1 for tenths, 2 for hundredths, …);
  /// places beyond the 24th add nothing.
  func addingDecimalDigit(_ digit: Int, place: Int) -> ExactYuan {
    guard place <= 24 else { return self }
    var unit = Self.scale
    for _ in 0..<place { unit /= 10 }
    return self + ExactYuan(units: Int128(digit) * unit)
  }

  /// `yuan` whole yuan, at most `ceiling`.
  private static func whole(_ yuan: Int) -> ExactYuan {
    let (product, overflow) = Int128(yuan).multipliedReportingOverflow(by: scale)
    return overflow ? ceiling : ExactYuan(units: product)
  }

  /// The value divided by ten (exact down to 10⁻²⁴ yuan).
  var tenth: ExactYuan { isCeiling ? self : ExactYuan(units: units / 10) }

  /// The whole yuan of a value that is a whole number (a place such as 1000 for 五千).
  var wholeYuan: Int { Int(clamping: units / Self.scale) }

  /// The value in fen, rounded half up, or nil when it is negative or 10¹³ yuan or more.
  var fen: Int64? {
    guard units >= 0, units < Self.keptLimit else { return nil }
    let fenUnits = Self.scale / 100
    return Int64((units + fenUnits / 2) / fenUnits)
  }

  static func + (lhs: ExactYuan, rhs: ExactYuan) -> ExactYuan {
    guard !lhs.isCeiling, !rhs.isCeiling else { return ceiling }
    return ExactYuan(units: lhs.units + rhs.units)
  }

  static func += (lhs: inout ExactYuan, rhs: ExactYuan) { lhs = lhs + rhs }

  /// The difference; `ceiling` minus anything stays `ceiling`.
  static func - (lhs: ExactYuan, rhs: ExactYuan) -> ExactYuan {
    lhs.isCeiling ? lhs : ExactYuan(units: lhs.units - rhs.units)
  }

  /// The value times a whole number `factor` (≥ 0).
  static func * (lhs: ExactYuan, factor: Int) -> ExactYuan {
    guard !lhs.isCeiling || factor == 0 else { return lhs }
    let (product, overflow) = lhs.units.multipliedReportingOverflow(by: Int128(factor))
    return overflow ? ceiling : ExactYuan(units: product)
  }

  static func *= (lhs: inout ExactYuan, factor: Int) { lhs = lhs * factor }

  static func < (lhs: ExactYuan, rhs: ExactYuan) -> Bool { lhs.units < rhs.units }
}
