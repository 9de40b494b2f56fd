import Foundation
import Ingest
import Signals

/// The assembled report of one scan: provenance, manifest, findings and their summaries.
///
/// Everything is in a stable order so the writers are deterministic: documents by path; findings
/// and suppressed findings by path, line and rule; clauses in catalogue order. Build one with
/// `init(documents:signals:lexicon:subjects:evidenceFolder:)`.
public struct CaseReport: Sendable {
  /// The people named with `--subject`, sorted and without duplicates.
  public var subjects: [String]
  /// The lexicon packs the scan used, sorted by id.
  public var lexicons: [LexiconPack]
  /// The clause catalogue, for clause titles, citations and verbatim texts.
  public var catalogue: ClauseCatalogue
  /// Every evidence file, sorted by path, whatever its status.
  public var documents: [EvidenceDocument]
  /// Active findings. For a report whose findings were spilled to disk (`spilled` is set), only
  /// those the HTML report shows; `counts` then has the totals.
  public var findings: [Finding]
  /// Negated, hypothetical, questioned or filtered findings, each with its `reason`; when
  /// `spilled` is set, only those the HTML report shows.
  public var suppressed: [Finding]
  /// One summary per clause cited by at least one active finding, in catalogue order (clauses
  /// missing from the catalogue follow, by id).
  public var clauses: [ClauseSummary]
  /// Amounts mentioned in active inculpatory findings, per speaker (subjects first).
  public var amounts: [AmountTotal]
  /// Timed active findings per speaker (subjects first).
  public var timeline: [SpeakerTimeline]
  /// The scanned folder, where known; reports are never written inside it.
  public var evidenceFolder: URL?
  /// How many findings the scan made, counted before any were left out of memory.
  public var counts: FindingCounts
  /// Every finding, rendered for `findings.json` and `findings.csv` and kept on disk, when the
  /// report was built by `ScanPipeline.runSpilling`; nil when `findings` and `suppressed` are
  /// complete. The writers read the findings from here when it is set.
  public var spilled: SpilledFindings?
  /// The subjects whom no speaker of the scanned documents matches, in the order of `subjects`.
  public var subjectWarnings: [SubjectWarning] = []

  /// Creates a report from its parts, as they are; prefer the building initialiser. `counts`
  /// defaults to the counts of `findings` and `suppressed`.
  public init(
    subjects: [String], lexicons: [LexiconPack], catalogue: ClauseCatalogue,
    documents: [EvidenceDocument], findings: [Finding], suppressed: [Finding],
    clauses: [ClauseSummary], amounts: [AmountTotal], timeline: [SpeakerTimeline],
    evidenceFolder: URL? = nil, counts: FindingCounts? = nil, spilled: SpilledFindings? = nil
  ) {
    self.subjects = subjects
    self.lexicons = lexicons
    self.catalogue = catalogue
    self.documents = documents
    self.findings = findings
    self.suppressed = suppressed
    self.clauses = clauses
    self.amounts = amounts
    self.timeline = timeline
    self.evidenceFolder = evidenceFolder
    self.counts = counts ?? FindingCounts(findings: findings, suppressed: suppressed)
    self.spilled = spilled
  }

  /// The document at `path`, if it is in the manifest.
  public func document(_ path: String) -> EvidenceDocument? {
    documents.first { $0.path == path }
  }
}
