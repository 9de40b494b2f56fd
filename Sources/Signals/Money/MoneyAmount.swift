import Foundation

/// An amount of money written in text, as an interval in fen (1/100 of the currency unit).
///
/// A point amount has `low == high`; a range (`3000-5000元`) has both ends; an open bound
/// (`5000元以上`, `不超过五千`) has one end nil. Integers only: never floating point.
public struct MoneyAmount: Sendable, Hashable, Codable {
  /// The currency an amount is written in.
  public enum Currency: String, Sendable, Hashable, Codable, CaseIterable {
    /// Renminbi: 元, 块, 圆, ¥, ￥, RMB, 人民币.
    case cny = "CNY"
    /// Tether: U, USDT.
    case usdt = "USDT"
    /// US dollars: 美元, 美金, USD, $.
    case usd = "USD"
  }

  /// The lower end in fen, nil when open (`不超过五千`).
  public var low: Int64?
  /// The upper end in fen, nil when open (`5000元以上`).
  public var high: Int64?
  /// Whether the text hedges the amount (左右, 大概, 多, 来 …).
  public var approximate: Bool
  /// The currency written, or nil when none is (the amount is then read as CNY).
  public var currency: Currency?
  /// Whether a magnitude (万, 千, k, w …) is written.
  public var hasMagnitude: Bool
  /// Start offset in Unicode scalars of the text it was read from (inclusive).
  public var start: Int
  /// End offset in Unicode scalars (exclusive).
  public var end: Int
  /// The text of the amount, as written.
  public var text: String

  /// A bare number: neither currency nor magnitude written (`8500`).
  public var isUnitless: Bool { currency == nil && !hasMagnitude }

  /// Creates an amount.
  public init(
    low: Int64?, high: Int64?, approximate: Bool = false, currency: Currency? = nil,
    hasMagnitude: Bool = false, start: Int, end: Int, text: String
  ) {
    self.low = low
    self.high = high
    self.approximate = approximate
    self.currency = currency
    self.hasMagnitude = hasMagnitude
    self.start = start
    self.end = end
    self.text = text
  }
}

/// The `money:` operator's filter: which amounts count.
public struct MoneyConstraint: Sendable, Hashable {
  /// Smallest amount of interest in fen, nil for no lower limit.
  public var minFen: Int64?
  /// Largest amount of interest in fen, nil for no upper limit.
  public var maxFen: Int64?
  /// Whether hedged amounts (五千左右) count.
  public var allowApproximate: Bool
  /// Whether bare numbers (no currency, no magnitude) count.
  public var allowUnitless: Bool
  /// The currency required (amounts without a currency count as CNY), or nil for any.
  public var currency: MoneyAmount.Currency?

  /// Creates a constraint.
  public init(
    minFen: Int64? = nil, maxFen: Int64? = nil, allowApproximate: Bool = true, allowUnitless: Bool = false,
    currency: MoneyAmount.Currency? = nil
  ) {
    self.minFen = minFen
    self.maxFen = maxFen
    self.allowApproximate = allowApproximate
    self.allowUnitless = allowUnitless
    self.currency = currency
  }

  /// Whether `amount` counts: its [low, high] interval overlaps [min, max] and it passes the
  /// approximate, unitless and currency filters.
  public func admits(_ amount: MoneyAmount) -> Bool {
    if amount.isUnitless && !allowUnitless { return false }
    if amount.approximate && !allowApproximate { return false }
    if let currency, (amount.currency ?? .cny) != currency { return false }
    if let minFen, let high = amount.high, high < minFen { return false }
    if let maxFen, let low = amount.low, low > maxFen { return false }
    return true
  }

  /// A short form for traces, e.g. `money[1000元, 50000元]`.
  public var summary: String {
    func yuan(_ fen: Int64?) -> String {
      guard let fen else { return "…" }
      return fen % 100 == 0 ? "\(fen / 100)元" : "\(fen / 100).\(String(format: "%02d", fen % 100))元"
    }
    return "money[\(yuan(minFen)), \(yuan(maxFen))]"
  }
}
