/// The active inculpatory findings of one part of a document that `AmountEntry.entries(of:)`
/// reads, kept as the spill meets them in report order: the first finding of each unit, whose
/// excerpt gives the unit's written amounts and whose speaker and id they carry, and the later
/// ones with a `money` operator amount (`amountFen`). A unit's other findings add nothing to
/// its amounts, so `AmountEntry.entries(of: kept)` equals `AmountEntry.entries(of:)` of all
/// of them, and they are not copied.
struct AmountFindings {
  /// The units met so far, told apart as `AmountEntry.entries(of:)` tells them apart.
  private var units: Set<AmountUnit> = []
  /// The findings kept, in the order they were added.
  private(set) var kept: [Finding] = []

  /// Room for the units of `findings` findings, made at once rather than grown.
  init(findings: Int = 0) {
    units.reserveCapacity(findings)
  }

  /// Keeps `finding`, an active inculpatory finding that follows those added before, when it is
  /// the first of its unit or has a `money` operator amount. Inlined: the spill adds findings
  /// from a local it moved them into, and a call copied each one first.
  @inline(__always)
  mutating func add(_ finding: Finding) {
    let unit = AmountUnit(path: finding.path, page: finding.page ?? 0, unitIndex: finding.unitIndex)
    if units.insert(unit).inserted || (!finding.values.isEmpty && finding.values["amountFen"] != nil) {
      kept.append(finding)
    }
  }
}

/// The unit of a finding: its document's path, its page (0 for none) and its index. Hashed by
/// its numbers only: the findings met together are of one document, and hashing its path again
/// for each of them cost more than the rest.
private struct AmountUnit: Hashable {
  var path: String
  var page: Int
  var unitIndex: Int

  func hash(into hasher: inout Hasher) {
    hasher.combine(page)
    hasher.combine(unitIndex)
  }
}
