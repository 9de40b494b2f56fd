/// One value a rule pulls out of the unit into its signal (`extract:` in a pack), stored in
/// `Signal.values` under `name`.
public struct ValueExtraction: Sendable, Hashable {
  /// Where the value comes from.
  public enum Source: Sendable, Hashable {
    /// The first amount among the matched parts, else the first amount in the unit, in fen
    /// (hundredths of its currency), with its currency beside it under `currencyName(of:)`.
    case amount
    /// The first domain name (`pay.example.test`) in the unit, lower-cased.
    case domain
    /// The first account handle written after an account word (微信号, QQ, 飞机, TG, 账号 …).
    case account
    /// The first match of a regular expression on the normalised text: its first capture group
    /// when it has one, else the whole match, taken from the original text.
    case regex(String)

    /// The form written in a pack: `amount`, `domain`, `account` or `re '…'`.
    public var label: String {
      switch self {
      case .amount: "amount"
      case .domain: "domain"
      case .account: "account"
      case .regex(let source): "re '\(source)'"
      }
    }
  }

  /// The key in `Signal.values` (lower camel case ASCII).
  public var name: String
  /// Where the value comes from.
  public var source: Source

  /// Creates an extraction.
  public init(name: String, source: Source) {
    self.name = name
    self.source = source
  }

  /// The value an `amount` extraction named `name` writes its currency under, beside the amount:
  /// `priceCurrency` for `price`.
  public static func currencyName(of name: String) -> String { name + "Currency" }

  /// The currency value of an amount: the code written (`CNY`, `USDT`, `USD`), or
  /// `unwrittenCurrency` when the text writes none (`十二万`), so that an amount in U is never
  /// read as yuan, nor one with no currency written as either.
  public static func currencyValue(of amount: MoneyAmount) -> String {
    amount.currency?.rawValue ?? unwrittenCurrency
  }

  /// The currency value of an amount whose text writes no currency.
  public static let unwrittenCurrency = "unwritten"

  /// The names of the values an extraction writes: its own, and for `amount` its currency's.
  public var writtenNames: [String] {
    switch source {
    case .amount: [name, Self.currencyName(of: name)]
    case .domain, .account, .regex: [name]
    }
  }

  /// Value keys the engine itself writes; an extraction may not use them.
  public static let reservedNames: Set<String> = [
    "amountFen", "amountHighFen", "amountOpenBelow", "amountOpenAbove", "currency", "approximate", "priceFen",
    "service", "rangeLowFen", "rangeHighFen", "ratio", "priceDirection", "rateFenPerUnit",
  ]
}
