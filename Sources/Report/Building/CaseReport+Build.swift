import Foundation
import Ingest
import Signals

extension CaseReport {
  /// Builds the report: joins each signal to its rule and unit, gives it a stable id, splits
  /// active from suppressed findings, and computes clause scores, amount totals and timelines.
  ///
  /// - Parameters:
  ///   - documents: every evidence file of the scan, in any order.
  ///   - signals: every signal the scanner returned, active and suppressed, in any order.
  ///   - lexicon: the loaded lexicon set (rules, packs and clause catalogue).
  ///   - subjects: the people named with `--subject`.
  ///   - evidenceFolder: the scanned folder, so that the report is never written inside it.
  ///
  /// A signal whose rule is not in `lexicon` keeps its rule id as title, weight 0 and no
  /// clauses; a signal whose unit is missing gets an empty excerpt. Neither is dropped.
  public init(
    documents: [EvidenceDocument], signals: [Signal], lexicon: LexiconSet, subjects: [String],
    evidenceFolder: URL? = nil
  ) {
    let unitsByPath = Dictionary(
      documents.map { ($0.path, $0.units) }, uniquingKeysWith: { first, _ in first })
    let rulesByID = FindingAssembler.rulesByID(lexicon)
    let findings = ParallelMap.mapChunked(signals) { signal in
      FindingAssembler.finding(
        from: signal, rule: rulesByID[signal.ruleID],
        unit: FindingAssembler.unit(at: signal.unitIndex, in: unitsByPath[signal.path]))
    }
    self.init(
      documents: documents, assembled: findings, lexicon: lexicon, subjects: subjects,
      evidenceFolder: evidenceFolder, timelines: true)
    var census = SpeakerCensus()
    for document in documents { census.add(document) }
    subjectWarnings = SubjectWarning.warnings(subjects: self.subjects, census: census)
  }

  /// Builds the report from findings already assembled from their signals (ids still empty), in
  /// any order; see `init(documents:signals:lexicon:subjects:evidenceFolder:)`. Without
  /// `timelines` (used only by the HTML report) `timeline` is left empty.
  init(
    documents: [EvidenceDocument], assembled: [Finding], lexicon: LexiconSet, subjects: [String],
    evidenceFolder: URL?, timelines: Bool
  ) {
    var all = assembled
    all.sort(by: FindingOrder.precedes)
    FindingAssembler.assignIDs(&all)
    let suppressed = all.filter(\.isSuppressed)
    all.removeAll(where: \.isSuppressed)
    var documents = documents.sorted { $0.path < $1.path }
    let copies = DuplicateDocuments.markCopies(&documents)
    let counted = copies.isEmpty ? all : all.filter { !copies.contains($0.path) }
    self.init(
      subjects: Array(Set(subjects)).sorted(),
      lexicons: lexicon.packs.sorted { $0.id < $1.id },
      catalogue: lexicon.clauses,
      documents: documents,
      findings: all,
      suppressed: suppressed,
      clauses: ClauseSummarizer.summaries(of: counted, catalogue: lexicon.clauses),
      amounts: AmountSummarizer.totals(of: counted, subjects: subjects),
      timeline: timelines ? TimelineBuilder.timelines(of: all, subjects: subjects) : [],
      evidenceFolder: evidenceFolder)
  }
}

/// Turns signals into findings.
enum FindingAssembler {
  /// The lexicon's rules by id (the first of a duplicated id).
  static func rulesByID(_ lexicon: LexiconSet) -> [String: LexiconRule] {
    Dictionary(lexicon.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The unit at `index`, or nil when the document or the index is missing.
  static func unit(at index: Int, in units: [TextUnit]?) -> TextUnit? {
    guard let units, units.indices.contains(index) else { return nil }
    return units[index]
  }

  /// A finding with an empty id (ids are assigned once all findings are sorted).
  static func finding(from signal: Signal, rule: LexiconRule?, unit: TextUnit?) -> Finding {
    finding(from: signal, rule: rule.map(FindingRuleFacts.init), unit: unit)
  }

  /// A finding with an empty id, its rule given by the facts a finding takes from it.
  static func finding(from signal: Signal, rule: FindingRuleFacts?, unit: TextUnit?) -> Finding {
    // The scanner mostly gives them in order already; a (stable) sort would leave them so.
    let inOrder = zip(signal.matched, signal.matched.dropFirst()).allSatisfy { ($0.start, $0.end) <= ($1.start, $1.end) }
    let parts = inOrder ? signal.matched : signal.matched.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    return Finding(
      id: "", rule: signal.ruleID, title: rule?.title ?? signal.ruleID,
      level: rule?.level ?? .info, path: signal.path, unitIndex: signal.unitIndex,
      line: signal.line, endLine: max(signal.endLine, signal.line), page: unit?.page,
      sheet: unit?.attributes["sheet"], messageID: unit?.attributes["messageID"],
      speaker: unit?.speaker,
      speakerRole: signal.speakerRole, speakerAbsence: unit.flatMap(SpeakerAbsence.init(unit:)), time: unit?.time,
      excerpt: unit.map { Excerpt.make(unit: $0, parts: parts) } ?? "",
      parts: parts, polarity: rule?.polarity ?? .inculpatory, clauses: rule?.clauses ?? [],
      weight: rule?.weight ?? 0,
      values: signal.values, related: signal.related, negation: signal.negation,
      why: signal.why, reason: signal.suppressedReason)
  }

  /// Gives every finding its fingerprint id (`FindingFingerprint`, computed by
  /// `FingerprintCounter`); `findings` must be in report order so that the occurrence numbers of
  /// repeated matches follow the document.
  static func assignIDs(_ findings: inout [Finding]) {
    var counter = FingerprintCounter()
    for index in findings.indices { findings[index].id = counter.id(for: findings[index]) }
  }
}

/// The report order of findings: path, (page,) line, rule, then tie-breakers that keep it total.
enum FindingOrder {
  /// Whether `lhs` comes before `rhs`. Within a document, pages (PDF pages, XLSX sheets) come
  /// before lines, since spreadsheet rows are numbered per sheet. Inlined: callers compare
  /// findings where they lie in a buffer, and a call would copy each one first.
  @inline(__always)
  static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.path != rhs.path { return lhs.path < rhs.path }
    if lhs.page != rhs.page { return (lhs.page ?? 0) < (rhs.page ?? 0) }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    if lhs.endLine != rhs.endLine { return lhs.endLine < rhs.endLine }
    if lhs.unitIndex != rhs.unitIndex { return lhs.unitIndex < rhs.unitIndex }
    let lhsStart = lhs.parts.first?.start ?? -1
    let rhsStart = rhs.parts.first?.start ?? -1
    if lhsStart != rhsStart { return lhsStart < rhsStart }
    if lhs.matched != rhs.matched { return lhs.matched.lexicographicallyPrecedes(rhs.matched) }
    if lhs.isSuppressed != rhs.isSuppressed { return !lhs.isSuppressed }
    if lhs.reason != rhs.reason { return (lhs.reason ?? "") < (rhs.reason ?? "") }
    return lhs.why < rhs.why
  }
}
