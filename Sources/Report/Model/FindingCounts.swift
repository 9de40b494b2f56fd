/// How many findings a scan made, whether or not the report holds them all in memory.
public struct FindingCounts: Sendable, Hashable {
  /// Active findings.
  public var active: Int
  /// Active findings of exculpatory (neutral-help) rules.
  public var exculpatory: Int
  /// Suppressed findings.
  public var suppressed: Int
  /// Active findings that cite no clause.
  public var unmapped: Int

  /// Creates counts.
  public init(active: Int, exculpatory: Int, suppressed: Int, unmapped: Int) {
    self.active = active
    self.exculpatory = exculpatory
    self.suppressed = suppressed
    self.unmapped = unmapped
  }

  /// The counts of `findings` (active) and `suppressed`.
  public init(findings: [Finding], suppressed: [Finding]) {
    self.init(
      active: findings.count, exculpatory: findings.filter { $0.polarity == .exculpatory }.count,
      suppressed: suppressed.count, unmapped: findings.filter(\.clauses.isEmpty).count)
  }

  /// Active findings of inculpatory rules.
  public var inculpatory: Int { active - exculpatory }

  /// Adds `other` to these counts.
  mutating func add(_ other: FindingCounts) {
    active += other.active
    exculpatory += other.exculpatory
    suppressed += other.suppressed
    unmapped += other.unmapped
  }
}
