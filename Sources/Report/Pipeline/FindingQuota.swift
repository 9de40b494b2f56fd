/// Chooses the findings the HTML report shows in full: in each clause group (every clause a
/// finding cites, and one group for active findings citing none) and among the suppressed
/// findings, the first `limit` in report order. A `limit` of 0 shows every finding.
struct FindingQuota: Sendable {
  /// Findings shown per group; 0 for no limit.
  let limit: Int
  private var used: [String: Int] = [:]

  /// The group of the suppressed findings; no clause id contains U+001F.
  static let suppressedGroup = "\u{1F}suppressed"

  /// Creates a quota with nothing shown yet.
  init(limit: Int) { self.limit = limit }

  /// Whether `finding`, which follows every finding offered before in report order, is shown in
  /// at least one of its groups; it then takes a place in each group that has room.
  mutating func admit(_ finding: Finding) -> Bool {
    admit(suppressed: finding.isSuppressed, clauses: finding.clauses)
  }

  /// `admit(_:)` for a finding that is suppressed or not and cites `clauses`: the spill asks
  /// for every finding it makes, and passing the finding read from a buffer copied it whole. Its
  /// groups are the suppressed group, else each distinct clause, else the group of findings
  /// citing none; no set of them is built.
  mutating func admit(suppressed: Bool, clauses: [String]) -> Bool {
    guard limit > 0 else { return true }
    if suppressed { return take(Self.suppressedGroup) }
    if clauses.isEmpty { return take(HTMLContext.unmappedGroup) }
    var admitted = false
    for (position, clause) in clauses.enumerated() where !clauses[..<position].contains(clause) {
      if take(clause) { admitted = true }
    }
    return admitted
  }

  /// Takes a place in `group` if it has room; whether it had.
  private mutating func take(_ group: String) -> Bool {
    let count = used[group, default: 0]
    guard count < limit else { return false }
    used[group] = count + 1
    return true
  }
}
