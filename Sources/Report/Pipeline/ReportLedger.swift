import Foundation
import Ingest
import Signals

/// Gathers the documents of a spilling scan in report order as their workers finish: each
/// document's counts, clause tallies, amounts and spilled blocks are added in path order (a copy
/// of an earlier document adding no clause tallies or amounts: `DuplicateDocuments`), and its
/// candidate findings take the HTML report's places while there are some left.
///
/// Workers finish in any order; a finished document waits here until every document before it
/// has been added, so the report is the same as a sequential scan's.
final class ReportLedger: @unchecked Sendable {
  private let lock = NSLock()
  private var waiting: [Int: DocumentOutcome] = [:]
  private var next = 0
  private var quota: FindingQuota?
  private var documents: [EvidenceDocument] = []
  private var shown: [Finding] = []
  private var shownSuppressed: [Finding] = []
  private var counts = FindingCounts(active: 0, exculpatory: 0, suppressed: 0, unmapped: 0)
  private var clauses = ClauseTally()
  private var amounts = AmountTally()
  private var timed = TimedSpeakers()
  private var speakers = SpeakerCensus()
  private var duplicates = DuplicateDocuments()
  private var spilled: SpilledFindings

  /// Creates an empty ledger; `formats` and `htmlLimit` as in `DocumentSpiller`.
  init(spill: FindingSpill, formats: Set<ReportFormat>, htmlLimit: Int?) {
    spilled = SpilledFindings(store: spill, formats: formats.intersection([.json, .csv]))
    quota = htmlLimit.map(FindingQuota.init(limit:))
  }

  /// Records the outcome of the document at `position` in report order.
  func finish(_ position: Int, _ outcome: DocumentOutcome) {
    lock.lock()
    defer { lock.unlock() }
    waiting[position] = outcome
    while let ready = waiting.removeValue(forKey: next) {
      add(ready)
      next += 1
    }
  }

  /// Adds the next document in report order.
  private func add(_ outcome: DocumentOutcome) {
    let findings = outcome.findings
    var shownIDs: Set<String> = []
    let activeStart = shown.count
    let suppressedStart = shownSuppressed.count
    if var open = quota {
      for candidate in findings.candidates where open.admit(candidate) {
        if candidate.isSuppressed { shownSuppressed.append(candidate) } else { shown.append(candidate) }
        shownIDs.insert(candidate.id)
      }
      quota = open
    }
    var document = outcome.document
    if shownIDs.isEmpty {
      document.units = []
    } else if shownIDs.count < findings.candidates.count, document.isExcerpted {
      keepUnitsOfShown(&document, active: activeStart..<shown.count, suppressed: suppressedStart..<shownSuppressed.count)
    }
    let original = duplicates.original(of: document)
    if let original { document.diagnostics.append(DuplicateDocuments.note(on: document, original: original)) }
    documents.append(document)
    counts.add(findings.counts)
    timed.merge(findings.timed)
    speakers.merge(outcome.speakers)
    if original == nil {
      clauses.merge(findings.clauses)
      for entry in findings.amounts { amounts.add(entry, listed: shownIDs.contains(entry.findingID)) }
    }
    spilled.activeJSON += findings.activeJSON
    spilled.suppressedJSON += findings.suppressedJSON
    spilled.csvRows += findings.csvRows
  }

  /// Cuts an excerpted document's units down to those around its shown findings (the findings
  /// at `active` in `shown` and at `suppressed` in `shownSuppressed`), whose unit indices are
  /// moved to match: the candidates that found no place keep no context. Every unit of a shown
  /// finding's window was kept (a sieved file read in pieces builds whole the messages at each
  /// cut: `UnitSieve.keepingRunEnds`), so the window is the same among the kept units.
  private func keepUnitsOfShown(_ document: inout EvidenceDocument, active: Range<Int>, suppressed: Range<Int>) {
    let centers = (shown[active] + shownSuppressed[suppressed]).map { (unitIndex: $0.unitIndex, related: $0.related) }
    let (units, newIndex) = DocumentExcerpt(wholeDocumentLimit: 0).kept(document, around: centers)
    document.units = units
    for index in active { shown[index].unitIndex = newIndex[shown[index].unitIndex] }
    for index in suppressed { shownSuppressed[index].unitIndex = newIndex[shownSuppressed[index].unitIndex] }
  }

  /// The speakers of every document added.
  var census: SpeakerCensus {
    lock.lock()
    defer { lock.unlock() }
    return speakers
  }

  /// The report of every document added: summaries over all findings, the findings shown in
  /// the HTML report, and the spilled blocks for the rest.
  func report(lexicon: LexiconSet, subjects: [String], evidenceFolder: URL) -> CaseReport {
    lock.lock()
    defer { lock.unlock() }
    return CaseReport(
      subjects: Array(Set(subjects)).sorted(),
      lexicons: lexicon.packs.sorted { $0.id < $1.id },
      catalogue: lexicon.clauses,
      documents: documents.sorted { $0.path < $1.path },
      findings: shown,
      suppressed: shownSuppressed,
      clauses: clauses.summaries(catalogue: lexicon.clauses),
      amounts: amounts.totals(subjects: subjects),
      timeline: quota == nil ? [] : TimelineBuilder.timelines(listing: shown, speakers: timed, subjects: subjects),
      evidenceFolder: evidenceFolder, counts: counts, spilled: spilled)
  }
}
