import Signals

/// The sum of the amounts mentioned in one speaker's active inculpatory findings.
///
/// Amounts come from a finding's `values["amountFen"]`. Each unit's amount counts once, however
/// many rules extracted it. The text rarely says who paid whom, so a total is "amounts mentioned
/// by this speaker", shown beside the Art. 12 thresholds for a human to weigh.
public struct AmountTotal: Sendable, Hashable {
  /// The speaker, or nil for units without one.
  public var speaker: String?
  /// The speaker's role in the case.
  public var role: SpeakerRole
  /// The total in fen (1 yuan = 100 fen), saturating at `Int64.max`.
  public var totalFen: Int64
  /// Ids of the findings whose amounts were added, in report order; for a report whose
  /// findings were spilled, only those the HTML report shows.
  public var findingIDs: [String]
  /// How many findings' amounts were added.
  public var findingCount: Int

  /// Creates a total; `findingCount` defaults to the number of `findingIDs`.
  public init(
    speaker: String?, role: SpeakerRole, totalFen: Int64, findingIDs: [String], findingCount: Int? = nil
  ) {
    self.speaker = speaker
    self.role = role
    self.totalFen = totalFen
    self.findingIDs = findingIDs
    self.findingCount = findingCount ?? findingIDs.count
  }

  /// `totalFen` as yuan with thousands separators, e.g. `¥12,345.60`.
  public var formatted: String { AmountTotal.yuan(totalFen) }

  /// Formats an amount in fen as yuan with thousands separators and two decimals.
  public static func yuan(_ fen: Int64) -> String {
    let negative = fen < 0
    let magnitude = fen.magnitude
    let whole = String(magnitude / 100)
    let cents = magnitude % 100
    var grouped = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (negative ? "-" : "") + "¥" + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
  }
}
