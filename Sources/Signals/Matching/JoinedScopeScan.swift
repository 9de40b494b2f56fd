import Ingest

/// Units of one document joined into one text for a `paragraph` or `document` scope, with where
/// each unit's text starts in the joined original text.
struct JoinedUnits {
  /// Indices into `EvidenceDocument.units`.
  var indices: [Int]
  /// The original scalar offset at which each unit's text starts (units are joined with `\n`).
  var starts: [Int]
  /// The joined original text.
  var text: String

  init(indices: [Int], units: [TextUnit]) {
    self.indices = indices
    var starts: [Int] = []
    var offset = 0
    for index in indices {
      starts.append(offset)
      offset += units[index].text.unicodeScalars.count + 1
    }
    self.starts = starts
    text = indices.map { units[$0].text }.joined(separator: "\n")
  }

  /// The position in `indices` of the unit holding original offset `offset`.
  func member(holding offset: Int) -> Int {
    (starts.lastIndex { $0 <= offset }) ?? 0
  }

  /// Paragraphs: runs of `line` units on consecutive file lines (no blank line between them);
  /// every other unit alone. Only units `admitted` are taken.
  static func paragraphs(of units: [TextUnit], admitted: (TextUnit) -> Bool) -> [[Int]] {
    var groups: [[Int]] = []
    var previous: TextUnit?
    for (index, unit) in units.enumerated() where admitted(unit) {
      if unit.kind == .line, let last = previous, last.kind == .line, unit.line == last.endLine + 1, !groups.isEmpty {
        groups[groups.count - 1].append(index)
      } else {
        groups.append([index])
      }
      previous = unit
    }
    return groups
  }
}

extension SignalScanner {
  /// The signals of the `paragraph` and `document` scoped rules on the document. A rule's match
  /// is evaluated over the joined text of each paragraph (or of the whole document), of the units
  /// its `speaker` admits; the signal sits on the unit holding the last matched part, with the
  /// parts in that unit highlighted and the other units holding parts cited in `related`
  /// (role `paragraph` or `document`).
  func scanJoinedScopes(_ document: EvidenceDocument, roles: SpeakerRoles) -> [Signal] {
    guard !compiled.joinedScopeRules.isEmpty else { return [] }
    var signals: [Signal] = []
    for ruleIndex in compiled.joinedScopeRules {
      let rule = compiled.rules[ruleIndex]
      let admitted = { (unit: TextUnit) in roles.admits(rule.rule.speaker, kind: unit.kind, role: roles.role(of: unit)) }
      let groups: [[Int]] =
        rule.rule.scope == .document
        ? [document.units.indices.filter { admitted(document.units[$0]) }]
        : JoinedUnits.paragraphs(of: document.units, admitted: admitted)
      for group in groups where !group.isEmpty {
        let joined = JoinedUnits(indices: group, units: document.units)
        if let signal = signal(of: rule, on: joined, document: document, roles: roles) { signals.append(signal) }
      }
    }
    return signals
  }

  private func signal(of rule: CompiledRule, on joined: JoinedUnits, document: EvidenceDocument, roles: SpeakerRoles)
    -> Signal?
  {
    let normalized = TextNormalizer.normalize(joined.text)
    let hits = compiled.automaton.scan(normalized.utf8)
    var context = UnitMatchContext(
      text: joined.text, normalized: normalized, hits: hits, lengths: compiled.automaton.patternLengths)
    if rule.usesMoney { context.extractAmounts() }
    if !rule.regexes.isEmpty { context.runRegexes(rule.regexes, compiled: compiled.regexes) }
    let evaluation = RuleEvaluation(rule: rule, context: context, lexicon: compiled)
    guard let outcome = evaluation.outcome(), let lastPart = outcome.parts.max(by: { $0.start < $1.start }) else {
      return nil
    }
    let last = context.originalSlice(start: lastPart.start, end: lastPart.end).range.lowerBound
    let member = joined.member(holding: last)
    let index = joined.indices[member]
    let unit = document.units[index]
    let offset = joined.starts[member]
    let length = unit.text.unicodeScalars.count
    let partMembers = Set(outcome.parts.map { joined.member(holding: context.originalSlice(start: $0.start, end: $0.end).range.lowerBound) })
    let related = partMembers.subtracting([member]).sorted().map { other in
      let relatedUnit = document.units[joined.indices[other]]
      return RelatedUnit(path: document.path, line: relatedUnit.line, endLine: relatedUnit.endLine, role: rule.rule.scope.rawValue)
    }
    var signal = evaluation.signal(
      from: outcome, unit: unit, index: index, path: document.path, role: roles.role(of: unit), related: related,
      tracePrefix: "\(rule.rule.scope.rawValue)(\(joined.indices.count) units) ")
    signal.matched = signal.matched.compactMap { part in
      guard part.start >= offset, part.end <= offset + length else { return nil }
      var moved = part
      moved.start -= offset
      moved.end -= offset
      return moved
    }
    return signal
  }
}
