import Foundation
import Ingest
import Signals

/// Scans an evidence folder end to end: walk, read, scan, and build the `CaseReport`.
///
/// Documents are read and scanned in parallel on all cores; each document's signals become
/// findings right away, and large documents are cut down to the units near their signals
/// (`DocumentExcerpt`) — or to none when no HTML report is wanted. `run(folder:)` keeps every
/// finding in memory, so memory follows the findings rather than the corpus; `runSpilling`
/// (what `mingjian scan` uses) writes them to a temporary file per document instead, so memory
/// stays bounded whatever their number. Either report is the same as a sequential run's: every
/// result is kept at its entry's index and findings are sorted in report order. The evidence
/// folder is only read.
public struct ScanPipeline: Sendable {
  /// The loaded lexicons.
  public let lexicon: LexiconSet
  /// The people named with `--subject`.
  public let subjects: [String]
  /// How evidence files are read.
  public let ingestOptions: IngestOptions
  /// When large text files are read in pieces.
  public let streaming: StreamingPolicy
  /// Whether the report is prepared for the HTML report: the units around each signal for the
  /// source views and the per-speaker timelines. Without them (JSON and CSV only) each document
  /// keeps no units and no timeline is built, which saves memory on large scans.
  public let preparesHTML: Bool
  /// The compiled lexicon, built once.
  let scanner: SignalScanner
  /// Whether chat parsers skip building the messages no rule can fire on (see `unitSieve`); the
  /// report is the same either way.
  var sievesUnits = true
  /// Told as each file of a `runSpilling` scan is finished; nil tells no one.
  public var progress: ScanProgress?

  /// Creates a pipeline and compiles the lexicon.
  public init(
    lexicon: LexiconSet, subjects: [String], ingestOptions: IngestOptions = IngestOptions(),
    preparesHTML: Bool = true, streaming: StreamingPolicy = StreamingPolicy()
  ) {
    self.streaming = streaming
    self.lexicon = lexicon
    self.subjects = subjects
    self.ingestOptions = ingestOptions
    self.preparesHTML = preparesHTML
    scanner = SignalScanner(lexicon: lexicon)
  }

  /// Scans `folder`. Only a missing or unreadable folder throws; every file, readable or not,
  /// ends in the report's manifest.
  public func run(folder: URL) throws(IngestError) -> CaseReport {
    FreedMemory.keepForReuse()
    var folderToRead = try EvidenceFolder(root: folder, options: ingestOptions)
    let subjectSet = Set(subjects)
    let scanner = self.scanner
    let preparesHTML = self.preparesHTML
    let excerpt = preparesHTML ? DocumentExcerpt() : DocumentExcerpt(wholeDocumentLimit: 0, window: 0)
    folderToRead.unitSieve = unitSieve(keeping: preparesHTML ? excerpt : nil)
    let evidence = folderToRead
    let entries = evidence.entries()
    let rulesByID = FindingAssembler.rulesByID(lexicon)
    let streaming = self.streaming
    let results = ParallelMap.map(entries) { entry in
      var speakers = SpeakerCensus()
      var scan = DocumentScan(scanner: scanner, subjects: subjectSet)
      var kept = StreamedExcerpt(excerpt: excerpt)
      var unitBase = 0
      var findings: [Finding] = []
      var voices = ConversationVoices()
      // The conversation of each `counterpart` finding, by its index in `findings`.
      var told: [(finding: Int, conversation: String)] = []
      var document = evidence.read(entry, streaming: streaming) { piece in
        speakers.add(piece)
        voices.add(piece, scan: scan)
        let signals = scan.next(piece)
        voices.noteTold(signals, in: piece.units)
        kept.add(piece, around: signals.map { (unitIndex: $0.unitIndex, related: $0.related) })
        for signal in signals {
          let unit = FindingAssembler.unit(at: signal.unitIndex, in: piece.units)
          if signal.speakerRole == .counterpart, let unit {
            told.append((findings.count, ConversationVoices.key(of: unit)))
          }
          var placed = signal
          placed.unitIndex += unitBase
          findings.append(FindingAssembler.finding(from: placed, rule: rulesByID[signal.ruleID], unit: unit))
        }
        unitBase += piece.units.count
      }
      let thirdParty = voices.thirdParty(
        subjects: Array(subjectSet), entry: entry, document: document, evidence: evidence, streaming: streaming,
        scan: scan)
      for (index, conversation) in told where thirdParty.contains(conversation) {
        findings[index].speakerRole = .thirdParty
      }
      // The findings' unit indices move from the document's units to the kept ones.
      let (units, keptIndex) = kept.finish()
      for index in findings.indices {
        if let moved = keptIndex[findings[index].unitIndex] { findings[index].unitIndex = moved }
      }
      document.units = preparesHTML ? units : []
      return (document, findings, speakers)
    }
    var report = CaseReport(
      documents: results.map(\.0), assembled: results.flatMap(\.1), lexicon: lexicon,
      subjects: subjects, evidenceFolder: folder, timelines: preparesHTML)
    var census = SpeakerCensus()
    for result in results { census.merge(result.2) }
    report.subjectWarnings = subjectWarnings(census, evidence: evidence, entries: entries, documents: report.documents)
    return report
  }

  /// The warnings for the subjects `census` does not match. Before a subject is reported, the
  /// documents whose unread (sieved) messages kept no speaker are checked, so that a warning is
  /// never due to a message left unread: a chat in which no unmatched subject's bytes occur is
  /// done with (`SubjectPresence`); any other is counted again without the sieve, which costs a
  /// second parse of it. Only when some subject matched no speaker read. The speakers a warning
  /// lists are then those of the messages read, and of the chats counted again.
  func subjectWarnings(
    _ census: SpeakerCensus, evidence: EvidenceFolder, entries: [EvidenceEntry], documents: [EvidenceDocument]
  ) -> [SubjectWarning] {
    var census = census
    let subjects = Array(Set(subjects)).sorted()
    let unmatched = subjects.filter { !census.matches($0) }
    guard !unmatched.isEmpty, !census.sievedPaths.isEmpty else {
      return SubjectWarning.warnings(subjects: subjects, census: census)
    }
    var withoutSieve = evidence
    withoutSieve.unitSieve = nil
    let unsieved = withoutSieve
    let sievedDocuments = Dictionary(
      documents.filter { census.sievedPaths.contains($0.path) }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let sieved = entries.filter { census.sievedPaths.contains($0.relativePath) }
    let streaming = self.streaming
    let recounts = ParallelMap.map(sieved) { entry -> SpeakerCensus? in
      if let document = sievedDocuments[entry.relativePath],
        !SubjectPresence.mayName(unmatched, in: entry, document: document)
      {
        return nil
      }
      var speakers = SpeakerCensus()
      _ = unsieved.read(entry, streaming: streaming) { piece in speakers.add(piece) }
      return speakers
    }
    var recount = SpeakerCensus()
    var searched = Set<String>()
    for (entry, speakers) in zip(sieved, recounts) {
      if let speakers { recount.merge(speakers) } else { searched.insert(entry.relativePath) }
    }
    let counted = Set(sieved.map(\.relativePath)).subtracting(searched)
    census.complete(counted, with: recount, searched: searched)
    return SubjectWarning.warnings(subjects: subjects, census: census)
  }

  /// The sieve that lets chat parsers skip building the messages no rule can fire on (see
  /// `UnitSieve`), keeping whole the units `excerpt` keeps around a finding (the messages within
  /// its window, and every unit of a document it keeps whole); with no excerpt (no HTML report,
  /// so no source view), only the messages that pass. Nil when the lexicon needs every unit.
  func unitSieve(keeping excerpt: DocumentExcerpt?) -> UnitSieve? {
    guard sievesUnits else { return nil }
    return scanner.unitSieve(radius: excerpt?.window ?? 0, minimumUnits: excerpt?.wholeDocumentLimit ?? 0)
  }
}
