import Ingest

/// Applies `after:` constraints and drops `context: true` signals, once per document.
///
/// A sequence rule's signal on unit B survives only if an active signal of the rule it names
/// sits on one of the `within` preceding units of the same conversation; the
/// nearest such unit is cited in `related` with the constraint's role. Signals of context
/// rules are used here and never reported.
struct SequenceResolver {
  let rules: [LexiconRule]

  /// The document's signals after sequence resolution, in their original order.
  func resolve(_ signals: [Signal], in document: EvidenceDocument) -> [Signal] {
    let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    guard byID.values.contains(where: { $0.after != nil || $0.isContext }) else { return signals }
    var activeUnits: [String: [Int]] = [:]
    for signal in signals where signal.suppressedReason == nil {
      activeUnits[signal.ruleID, default: []].append(signal.unitIndex)
    }
    return signals.compactMap { signal -> Signal? in
      guard let rule = byID[signal.ruleID] else { return signal }
      if rule.isContext { return nil }
      guard let after = rule.after else { return signal }
      guard let earlier = precedingUnit(
        of: signal.unitIndex, among: activeUnits[after.rule] ?? [], within: after.within, in: document)
      else { return nil }
      let unit = document.units[earlier]
      var resolved = signal
      resolved.related.append(
        RelatedUnit(path: document.path, line: unit.line, endLine: unit.endLine, role: after.role))
      resolved.why += " · after \(after.rule) at line \(unit.line)"
      return resolved
    }
  }

  /// The nearest unit before `index` (at most `within` units back, same conversation) that is in
  /// `candidates`.
  private func precedingUnit(
    of index: Int, among candidates: [Int], within: Int, in document: EvidenceDocument
  ) -> Int? {
    let conversation = document.units[index].conversation
    return candidates
      .filter { $0 < index && index - $0 <= within && document.units[$0].conversation == conversation }
      .max()
  }
}
