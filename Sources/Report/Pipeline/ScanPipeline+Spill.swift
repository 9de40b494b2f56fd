import Foundation
import Ingest

extension ScanPipeline {
  /// Scans `folder` with memory bounded whatever the number of findings: each document's
  /// findings are sorted, given their ids and written to a temporary spill file as soon as the
  /// document is scanned (see `FindingSpill`), and only the summaries and the findings the HTML
  /// report shows stay in memory: per clause group and among the suppressed findings, the first
  /// `htmlLimit` in report order (0: all), with the units around them. The writers stream
  /// `findings.json` and `findings.csv` from the spill, byte for byte as from `run(folder:)`;
  /// the returned report's `findings` and `suppressed` hold only the shown findings and
  /// `counts` has the totals. `progress`, if set, is told as each file is finished and as each
  /// piece is read.
  ///
  /// - Parameters:
  ///   - folder: the evidence folder; it is only read.
  ///   - htmlLimit: findings shown per group in the HTML report, 0 for all; ignored without
  ///     `preparesHTML`, when none are kept.
  ///   - formats: the formats the report is to be written in. Only the findings files among them
  ///     are rendered into the spill (`findings.json` entries for `.json`, `findings.csv` rows
  ///     for `.csv`); the report can be written in those formats only (see
  ///     `SpilledFindings.formats`). `.html` is left to `preparesHTML`. All formats by default.
  ///   - spillDirectory: where the spill file is made (it is removed at once and its space freed
  ///     with the report); `$TMPDIR` when nil. It must not be inside the evidence folder.
  public func runSpilling(
    folder: URL, htmlLimit: Int, formats: Set<ReportFormat> = Set(ReportFormat.allCases), spillDirectory: URL? = nil
  ) throws(ScanError) -> CaseReport {
    FreedMemory.keepForReuse()
    var evidence: EvidenceFolder
    do {
      evidence = try EvidenceFolder(root: folder, options: ingestOptions)
    } catch {
      throw .ingest(error)
    }
    evidence.unitSieve = unitSieve(keeping: preparesHTML ? DocumentExcerpt() : nil)
    let spill = try FindingSpill(
      parent: spillDirectory ?? FileManager.default.temporaryDirectory, evidenceFolder: folder)
    let entries = evidence.entries().sorted { $0.relativePath < $1.relativePath }
    let limit = preparesHTML ? max(htmlLimit, 0) : nil
    let counter = progress.map { ScanProgress.Counter(files: entries.count, progress: $0) }
    let spiller = DocumentSpiller(
      evidence: evidence, scanner: scanner, subjects: Set(subjects),
      rulesByID: FindingRuleFacts.byID(lexicon), streaming: streaming, excerpt: DocumentExcerpt(),
      htmlLimit: limit, spill: spill, formats: formats, progress: counter)
    let ledger = ReportLedger(spill: spill, formats: formats, htmlLimit: limit)
    DispatchQueue.concurrentPerform(iterations: entries.count) { position in
      ledger.finish(position, spiller.process(entries[position]))
      counter?.finishOne()
    }
    if let failure = spill.failure { throw failure }
    var report = ledger.report(lexicon: lexicon, subjects: subjects, evidenceFolder: folder)
    report.subjectWarnings = subjectWarnings(ledger.census, evidence: evidence, entries: entries, documents: report.documents)
    return report
  }
}
