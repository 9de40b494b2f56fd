import Foundation
import Ingest
import Signals

/// What a spilling scan keeps of one document once its findings are on disk: the document (with
/// the units the HTML report may show), the spilled blocks, the summaries' parts, and the few
/// findings the HTML report may show.
struct DocumentOutcome: Sendable {
  /// The document; its units are those kept around `candidates`.
  var document: EvidenceDocument
  /// `findings.json` entries of the active findings, in report order.
  var activeJSON: [SpillSegment] = []
  /// `findings.json` entries of the suppressed findings, in report order.
  var suppressedJSON: [SpillSegment] = []
  /// `findings.csv` rows of the active findings, in report order.
  var csvRows: [SpillSegment] = []
  /// How many findings of each kind the document has.
  var counts = FindingCounts(active: 0, exculpatory: 0, suppressed: 0, unmapped: 0)
  /// Per-clause counts and weights of the active findings.
  var clauses = ClauseTally()
  /// The amounts of the active inculpatory findings.
  var amounts: [AmountEntry] = []
  /// Timed active findings per speaker.
  var timed = TimedSpeakers()
  /// The findings among the first of their groups within the document (see `FindingQuota`), in
  /// report order, `unitIndex` pointing into `document.units`.
  var candidates: [Finding] = []
}

/// Reads and scans one document of a spilling scan, writes its findings to the spill, and keeps
/// only what the report's summaries and HTML view need.
struct DocumentSpiller: Sendable {
  /// The folder being scanned.
  let evidence: EvidenceFolder
  /// The compiled lexicon.
  let scanner: SignalScanner
  /// The case's subjects.
  let subjects: Set<String>
  /// The lexicon's rules by id.
  let rulesByID: [String: LexiconRule]
  /// When large text files are read in pieces.
  let streaming: StreamingPolicy
  /// How many units are kept around a shown finding.
  let excerpt: DocumentExcerpt
  /// The HTML report's findings per group (0: all), or nil when no HTML report is written.
  let htmlLimit: Int?
  /// Where the findings go.
  let spill: FindingSpill

  /// Findings per spilled block.
  static let blockSize = 1_024

  /// A finding and, when it may be shown, the index of its unit among the kept units.
  private struct Made {
    var finding: Finding
    var keptIndex: Int?
  }

  /// Reads, scans and spills `entry`.
  func process(_ entry: EvidenceEntry) -> DocumentOutcome {
    var scan = DocumentScan(scanner: scanner, subjects: subjects)
    var quota = htmlLimit.map(FindingQuota.init(limit:))
    var made: [Made] = []
    var kept: [TextUnit] = []
    var unitBase = 0
    var document = evidence.read(entry, streaming: streaming) { piece in
      var pieceMade = scan.next(piece).map { signal in
        Made(
          finding: FindingAssembler.finding(
            from: signal, rule: rulesByID[signal.ruleID],
            unit: FindingAssembler.unit(at: signal.unitIndex, in: piece.units)))
      }
      pieceMade.sort { FindingOrder.precedes($0.finding, $1.finding) }
      if var open = quota {
        let chosen = pieceMade.indices.filter { open.admit(pieceMade[$0].finding) }
        quota = open
        if !chosen.isEmpty {
          let (units, newIndex) = excerpt.kept(
            piece, around: chosen.map { (unitIndex: pieceMade[$0].finding.unitIndex, related: pieceMade[$0].finding.related) })
          for index in chosen { pieceMade[index].keptIndex = kept.count + newIndex[pieceMade[index].finding.unitIndex] }
          kept += units
        }
      }
      for index in pieceMade.indices { pieceMade[index].finding.unitIndex += unitBase }
      unitBase += piece.units.count
      made += pieceMade
    }
    document.units = kept
    made.sort { FindingOrder.precedes($0.finding, $1.finding) }
    var findings = made.map(\.finding)
    let keptIndices = made.map(\.keptIndex)
    made = []
    FindingAssembler.assignIDs(&findings)
    var outcome = DocumentOutcome(document: document)
    for (index, keptIndex) in keptIndices.enumerated() {
      guard let keptIndex else { continue }
      var candidate = findings[index]
      candidate.unitIndex = keptIndex
      outcome.candidates.append(candidate)
    }
    let suppressed = findings.filter(\.isSuppressed)
    findings.removeAll(where: \.isSuppressed)
    outcome.counts = FindingCounts(findings: findings, suppressed: suppressed)
    for finding in findings {
      outcome.clauses.add(finding)
      outcome.timed.add(finding)
    }
    outcome.amounts = AmountEntry.entries(of: findings)
    outcome.activeJSON = spillJSON(findings)
    outcome.suppressedJSON = spillJSON(suppressed)
    outcome.csvRows = blocks(of: findings).map { block in
      spill.append(Data(block.map(CSVReportWriter.row(for:)).joined().utf8))
    }
    return outcome
  }

  /// Spills the `findings.json` entries of `findings`, a block at a time.
  private func spillJSON(_ findings: [Finding]) -> [SpillSegment] {
    blocks(of: findings).map { block in
      spill.append(
        PrettyJSONBuffer.fragment(depth: JSONReportWriter.entryDepth, block) { json, finding in
          JSONReportWriter.write(FindingsFile.Entry(finding), to: &json)
        })
    }
  }

  /// `findings` cut into blocks of `blockSize`.
  private func blocks(of findings: [Finding]) -> [ArraySlice<Finding>] {
    stride(from: 0, to: findings.count, by: Self.blockSize).map {
      findings[$0..<min($0 + Self.blockSize, findings.count)]
    }
  }
}
