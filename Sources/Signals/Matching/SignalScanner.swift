import Ingest

/// Runs every rule of a lexicon over evidence documents.
///
/// All literal phrases of all rules (terms and negation vocabulary) are compiled once into one
/// Aho–Corasick automaton. Each unit is normalised and scanned once; only rules indexed under a
/// phrase that occurred are evaluated, and only units with candidates are decoded further.
public struct SignalScanner: Sendable {
  let compiled: CompiledLexicon

  /// Compiles the lexicon.
  public init(lexicon: LexiconSet) {
    compiled = CompiledLexicon(lexicon)
  }

  /// Scans every unit of the document; returns active and suppressed signals (those with
  /// `suppressedReason` set), sorted by line, then rule id.
  ///
  /// `subjects` are speaker names (exact match after trimming; a speaker id also matches) that
  /// designate the subject(s); see `SpeakerRoles` for how roles decide which rules count.
  public func scan(_ document: EvidenceDocument, subjects: Set<String>) -> [Signal] {
    let roles = SpeakerRoles(subjects: subjects)
    var signals: [Signal] = []
    for (index, unit) in document.units.enumerated() {
      signals += scan(unit, index: index, path: document.path, roles: roles)
    }
    signals = SequenceResolver(rules: compiled.rules.map(\.rule)).resolve(signals, in: document)
    return signals.sorted { ($0.line, $0.ruleID, $0.unitIndex) < ($1.line, $1.ruleID, $1.unitIndex) }
  }

  /// The signals of one unit.
  func scan(_ unit: TextUnit, index: Int, path: String, roles: SpeakerRoles) -> [Signal] {
    let normalized = TextNormalizer.normalize(unit.text)
    let hits = compiled.automaton.scan(normalized.utf8)
    var candidates = Set(compiled.unconditionalRules)
    for hit in hits { candidates.formUnion(compiled.rulesByPattern[Int(hit.pattern)]) }
    guard !candidates.isEmpty else { return [] }
    let role = roles.role(of: unit)
    let admitted = candidates.filter { roles.admits(compiled.rules[$0].rule.speaker, kind: unit.kind, role: role) }
    guard !admitted.isEmpty else { return [] }
    var context = UnitMatchContext(
      text: unit.text, normalized: normalized, hits: hits, lengths: compiled.automaton.patternLengths)
    let rules = admitted.sorted().map { compiled.rules[$0] }
    if rules.contains(where: \.usesMoney) { context.extractAmounts() }
    let regexes = rules.reduce(into: Set<Int>()) { $0.formUnion($1.regexes) }
    if !regexes.isEmpty { context.runRegexes(regexes, compiled: compiled.regexes) }
    return rules.compactMap { rule in
      RuleEvaluation(rule: rule, context: context, lexicon: compiled)
        .signal(unit: unit, index: index, path: path, role: role)
    }
  }
}
