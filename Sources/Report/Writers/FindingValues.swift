import Signals

/// A finding's extracted values as people read them: each `key = value`, keys in order, and an
/// amount in fen followed by its amount in its currency, so that `三千U` never reads as yuan.
///
/// An amount is the `money` operator's `amountFen` (currency under `currency`, CNY when none
/// is written) or an `amount` extraction's value (currency under `ValueExtraction.currencyName(of:)`,
/// `unwritten` when none is written).
enum FindingValues {
  /// `key = value` for each value, keys in order, an amount followed by its formatted amount:
  /// `price = 300000 (3,000.00 USDT)`.
  static func described(_ values: [String: String]) -> [String] {
    values.keys.sorted().map { key in
      let value = values[key] ?? ""
      guard let currency = currency(of: key, in: values), let fen = Int64(value) else { return "\(key) = \(value)" }
      return "\(key) = \(value) (\(AmountTotal.format(fen, currency: currency)))"
    }
  }

  /// The values in one CSV field: `described`, joined with `; `; empty when there are none.
  static func csvField(_ values: [String: String]) -> String {
    described(values).joined(separator: "; ")
  }

  /// The currency of the amount under `key` (an `AmountTotal` currency code), or nil when `key`
  /// holds no amount.
  private static func currency(of key: String, in values: [String: String]) -> String? {
    if key == "amountFen" { return values["currency"] ?? MoneyAmount.Currency.cny.rawValue }
    guard let written = values[ValueExtraction.currencyName(of: key)] else { return nil }
    return written == ValueExtraction.unwrittenCurrency ? AmountTotal.unwritten : written
  }
}
