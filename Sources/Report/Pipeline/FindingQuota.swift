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
    guard limit > 0 else { return true }
    var admitted = false
    for group in Self.groups(of: finding) where used[group, default: 0] < limit {
      used[group, default: 0] += 1
      admitted = true
    }
    return admitted
  }

  /// The groups `finding` is listed in.
  static func groups(of finding: Finding) -> Set<String> {
    if finding.isSuppressed { return [suppressedGroup] }
    return finding.clauses.isEmpty ? [HTMLContext.unmappedGroup] : Set(finding.clauses)
  }
}
