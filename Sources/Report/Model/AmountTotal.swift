import Signals

/// The sum of the amounts in one currency mentioned in one speaker's active inculpatory findings.
///
/// Each unit's amounts count once, however many rules fired on it (see `AmountEntry`). Amounts in
/// different currencies are never added together: a speaker has one total per currency, and an
/// amount whose currency the text does not write (`两万`) is totalled apart, under the currency
/// `AmountTotal.unwritten`. The text rarely says who paid whom, so a total is "amounts mentioned
/// by this speaker"; only a CNY total can be set beside the Art. 12 thresholds, which are in yuan.
public struct AmountTotal: Sendable, Hashable {
  /// The currency code of amounts whose text writes no currency (nor does a rule give one).
  public static let unwritten = ""

  /// The speaker, or nil for units without one.
  public var speaker: String?
  /// For units without a speaker, why they have none; amounts of units without a speaker for
  /// different reasons (a contract, a message whose sender could not be read) are totalled apart.
  public var speakerAbsence: SpeakerAbsence?
  /// The speaker's role in the case.
  public var role: SpeakerRole
  /// The total in hundredths of `currency` (fen for CNY), saturating at `Int64.max`.
  public var totalFen: Int64
  /// Ids of the findings whose amounts were added, in report order; for a report whose
  /// findings were spilled, only those the HTML report shows.
  public var findingIDs: [String]
  /// How many findings' amounts were added (a finding once per unit).
  public var findingCount: Int
  /// The currency of the total: `CNY`, `USDT`, `USD`, or `unwritten` when the text names none.
  public var currency: String

  /// Creates a total; `findingCount` defaults to the number of `findingIDs`, `currency` to CNY.
  public init(
    speaker: String?, role: SpeakerRole, totalFen: Int64, findingIDs: [String], findingCount: Int? = nil,
    currency: String = MoneyAmount.Currency.cny.rawValue, speakerAbsence: SpeakerAbsence? = nil
  ) {
    self.speaker = speaker
    self.speakerAbsence = speakerAbsence
    self.role = role
    self.totalFen = totalFen
    self.findingIDs = findingIDs
    self.findingCount = findingCount ?? findingIDs.count
    self.currency = currency
  }

  /// Whether the total is in yuan, the currency of the Art. 12 thresholds.
  public var isYuan: Bool { currency == MoneyAmount.Currency.cny.rawValue }

  /// `totalFen` with its currency, e.g. `¥12,345.60`, `3,000.00 USDT`.
  public var formatted: String { AmountTotal.format(totalFen, currency: currency) }

  /// Formats an amount in hundredths of `currency`: `¥1,234.50` for CNY, `US$1,234.50` for
  /// USD, `1,234.50 USDT` for another code, `1,234.50 (currency not written)` for `unwritten`.
  public static func format(_ hundredths: Int64, currency: String) -> String {
    switch currency {
    case MoneyAmount.Currency.cny.rawValue: return yuan(hundredths)
    case MoneyAmount.Currency.usd.rawValue: return signed(hundredths, symbol: "US$")
    case unwritten: return signed(hundredths, symbol: "") + " (currency not written)"
    default: return signed(hundredths, symbol: "") + " " + currency
    }
  }

  /// Formats an amount in fen as yuan with thousands separators and two decimals.
  public static func yuan(_ fen: Int64) -> String { signed(fen, symbol: "¥") }

  /// `symbol` and the amount in hundredths with thousands separators and two decimals, after a
  /// minus sign when negative.
  private static func signed(_ hundredths: Int64, symbol: String) -> String {
    let negative = hundredths < 0
    let magnitude = hundredths.magnitude
    let whole = String(magnitude / 100)
    let cents = magnitude % 100
    var grouped = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (negative ? "-" : "") + symbol + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
  }

  /// The order of currencies in the report: CNY, USDT, USD, others by code, unwritten last.
  static func currencyRank(_ currency: String) -> (Int, String) {
    switch currency {
    case MoneyAmount.Currency.cny.rawValue: (0, "")
    case MoneyAmount.Currency.usdt.rawValue: (1, "")
    case MoneyAmount.Currency.usd.rawValue: (2, "")
    case unwritten: (4, "")
    default: (3, currency)
    }
  }
}
