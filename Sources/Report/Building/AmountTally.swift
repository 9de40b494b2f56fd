import Signals

/// Sums the amounts of the active inculpatory findings per speaker and currency.
enum AmountSummarizer {
  /// Totals per speaker and currency of the amounts of `findings` (see `AmountEntry`).
  static func totals(of findings: [Finding], subjects: [String]) -> [AmountTotal] {
    var tally = AmountTally()
    for entry in AmountEntry.entries(of: findings) { tally.add(entry, listed: true) }
    return tally.totals(subjects: subjects)
  }
}

/// Running amount totals per speaker and currency, fed in report order.
struct AmountTally: Sendable {
  private var totals: [AmountKey: AmountTotal] = [:]
  /// The finding of the last amount added to each total, so that a finding counts once.
  private var lastFinding: [AmountKey: String] = [:]

  /// A total's speaker (or why there is none) and currency.
  private struct AmountKey: Hashable, Sendable {
    var speaker: String?
    var speakerAbsence: SpeakerAbsence?
    var currency: String
  }

  /// Adds `entry` to its speaker's total in its currency; its finding counts once for the
  /// amounts of one unit, and its id is kept in `findingIDs` when `listed` (shown in the report).
  mutating func add(_ entry: AmountEntry, listed: Bool) {
    let key = AmountKey(speaker: entry.speaker, speakerAbsence: entry.speakerAbsence, currency: entry.currency)
    var total =
      totals[key]
      ?? AmountTotal(
        speaker: entry.speaker, role: entry.role, totalFen: 0, findingIDs: [], findingCount: 0,
        currency: entry.currency, speakerAbsence: entry.speakerAbsence)
    let (sum, overflow) = total.totalFen.addingReportingOverflow(entry.fen)
    total.totalFen = overflow ? (entry.fen < 0 ? Int64.min : Int64.max) : sum
    if lastFinding[key] != entry.findingID {
      total.findingCount += 1
      if listed { total.findingIDs.append(entry.findingID) }
      lastFinding[key] = entry.findingID
    }
    totals[key] = total
  }

  /// The totals, subjects first, units without a speaker last (grouped by why they have none),
  /// each speaker's in currency order (CNY first).
  func totals(subjects: [String]) -> [AmountTotal] {
    let absenceRank = { (absence: SpeakerAbsence?) in absence.flatMap { SpeakerAbsence.allCases.firstIndex(of: $0) } ?? -1 }
    return totals.values.sorted { lhs, rhs in
      let left = SpeakerOrder.key(lhs.speaker, subjects: subjects)
      let right = SpeakerOrder.key(rhs.speaker, subjects: subjects)
      if left != right { return left < right }
      if lhs.speakerAbsence != rhs.speakerAbsence { return absenceRank(lhs.speakerAbsence) < absenceRank(rhs.speakerAbsence) }
      return AmountTotal.currencyRank(lhs.currency) < AmountTotal.currencyRank(rhs.currency)
    }
  }
}
