/// One value a rule pulls out of the unit into its signal (`extract:` in a pack), stored in
/// `Signal.values` under `name`.
public struct ValueExtraction: Sendable, Hashable {
  /// Where the value comes from.
  public enum Source: Sendable, Hashable {
    /// The first amount among the matched parts, else the first amount in the unit, in fen.
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

  /// Value keys the engine itself writes; an extraction may not use them.
  public static let reservedNames: Set<String> = [
    "amountFen", "amountHighFen", "amountOpenBelow", "amountOpenAbove", "currency", "approximate", "priceFen",
    "service", "rangeLowFen", "rangeHighFen", "ratio", "priceDirection", "rateFenPerUnit",
  ]
}
