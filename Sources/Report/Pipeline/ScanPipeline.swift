import Foundation
import Ingest
#if canImport(Glibc)
  import Glibc
#endif
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
    Self.reuseFileBuffers()
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
      var scan = DocumentScan(scanner: scanner, subjects: subjectSet)
      var kept = StreamedExcerpt(excerpt: excerpt)
      var unitBase = 0
      var findings: [Finding] = []
      var document = evidence.read(entry, streaming: streaming) { piece in
        let signals = scan.next(piece)
        kept.add(piece, around: signals.map { (unitIndex: $0.unitIndex, related: $0.related) })
        for signal in signals {
          let unit = FindingAssembler.unit(at: signal.unitIndex, in: piece.units)
          var placed = signal
          placed.unitIndex += unitBase
          findings.append(FindingAssembler.finding(from: placed, rule: rulesByID[signal.ruleID], unit: unit))
        }
        unitBase += piece.units.count
      }
      // The findings' unit indices move from the document's units to the kept ones.
      let (units, keptIndex) = kept.finish()
      for index in findings.indices {
        if let moved = keptIndex[findings[index].unitIndex] { findings[index].unitIndex = moved }
      }
      document.units = preparesHTML ? units : []
      return (document, findings)
    }
    return CaseReport(
      documents: results.map(\.0), assembled: results.flatMap(\.1), lexicon: lexicon,
      subjects: subjects, evidenceFolder: folder, timelines: preparesHTML)
  }

  /// The sieve that lets chat parsers skip building the messages no rule can fire on (see
  /// `UnitSieve`), keeping whole the units `excerpt` keeps around a finding (the messages within
  /// its window, and every unit of a document it keeps whole); with no excerpt (no HTML report,
  /// so no source view), only the messages that pass. Nil when the lexicon needs every unit.
  func unitSieve(keeping excerpt: DocumentExcerpt?) -> UnitSieve? {
    guard sievesUnits else { return nil }
    return scanner.unitSieve(radius: excerpt?.window ?? 0, minimumUnits: excerpt?.wholeDocumentLimit ?? 0)
  }

  /// Lets each file's buffers reuse the memory of the file before. A scan reads file after file,
  /// each with buffers of a few megabytes (bytes, decoded text, line, record and unit arrays),
  /// and memory is bounded by what one file or piece needs at a time. glibc by default serves
  /// such buffers by mmap and returns them when freed, or trims the heap top, so every file
  /// faults fresh zeroed pages in again (on the 100 MB benchmark 183,000 page faults, a sixth
  /// of the CPU time). Here buffers up to 32 MiB come from the heap and freed heap memory is
  /// kept: 30,000 faults, about 13 % less CPU, peak memory about 10 MB higher. Larger buffers
  /// (a whole large page) are still mapped and returned. Process-wide; no effect outside glibc.
  static func reuseFileBuffers() {
    #if canImport(Glibc)
      // mallopt is in <malloc.h>, which the Glibc module does not export; it is looked up
      // instead. There -3 is M_MMAP_THRESHOLD and -1 M_TRIM_THRESHOLD.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(nil, "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      _ = mallopt(-3, 32 << 20)
      _ = mallopt(-1, Int32.max)
    #endif
  }
}
