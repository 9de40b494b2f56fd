import Foundation
import Ingest
import Signals

/// What a spilling scan keeps of one document once its findings are on disk: the document (with
/// the units the HTML report may show) and its `DocumentFindings`.
struct DocumentOutcome: Sendable {
  /// The document; its units are those kept around `findings.candidates`.
  var document: EvidenceDocument
  /// The spilled blocks, the summaries' parts and the findings the HTML report may show.
  var findings: DocumentFindings
}

/// One document's findings as a spilling scan keeps them: the spilled blocks, the summaries'
/// parts, and the few findings the HTML report may show.
struct DocumentFindings: Sendable {
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
  /// report order, `unitIndex` pointing into the document's kept units.
  var candidates: [Finding] = []
}

/// Reads and scans one document of a spilling scan, writes its findings to the spill, and keeps
/// only what the report's summaries and HTML view need.
///
/// A document read in pieces (a large text file, a large HTML page) is spilled piece by piece, so
/// that not even one document's findings are held at once: its pieces follow each other in the
/// file, so each piece's sorted findings follow those of the pieces before in report order. That
/// is checked; should a piece's findings ever come before those already spilled, the document is
/// read again and its findings are held and sorted whole before they are spilled.
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

  /// Reads, scans and spills `entry`.
  func process(_ entry: EvidenceEntry) -> DocumentOutcome {
    let byPiece = read(entry, spillingEachPiece: true)
    return byPiece.inOrder ? byPiece.outcome : read(entry, spillingEachPiece: false).outcome
  }

  /// Reads `entry` and spills its findings after each piece, or all at the end; `inOrder` is
  /// false (and the outcome incomplete) when they are spilled by piece and a piece's findings do
  /// not follow those already spilled.
  private func read(_ entry: EvidenceEntry, spillingEachPiece: Bool) -> (outcome: DocumentOutcome, inOrder: Bool) {
    var scan = DocumentScan(scanner: scanner, subjects: subjects)
    var quota = htmlLimit.map(FindingQuota.init(limit:))
    var parts = SpilledParts(spill: spill)
    var held: [MadeFinding] = []
    var kept: [TextUnit] = []
    var unitBase = 0
    var inOrder = true
    var document = evidence.read(entry, streaming: streaming) { piece in
      guard inOrder else { return }
      var made = scan.next(piece).map { signal in
        MadeFinding(
          finding: FindingAssembler.finding(
            from: signal, rule: rulesByID[signal.ruleID],
            unit: FindingAssembler.unit(at: signal.unitIndex, in: piece.units)))
      }
      made.sort { FindingOrder.precedes($0.finding, $1.finding) }
      if var open = quota {
        let chosen = made.indices.filter { open.admit(made[$0].finding) }
        quota = open
        if !chosen.isEmpty {
          let (units, newIndex) = excerpt.kept(
            piece, around: chosen.map { (unitIndex: made[$0].finding.unitIndex, related: made[$0].finding.related) })
          for index in chosen { made[index].keptIndex = kept.count + newIndex[made[index].finding.unitIndex] }
          kept += units
        }
      }
      for index in made.indices { made[index].finding.unitIndex += unitBase }
      unitBase += piece.units.count
      if spillingEachPiece {
        inOrder = parts.spill(made)
      } else {
        held += made
      }
    }
    if !spillingEachPiece {
      held.sort { FindingOrder.precedes($0.finding, $1.finding) }
      inOrder = parts.spill(held)
    }
    document.units = kept
    return (DocumentOutcome(document: document, findings: parts.gathered), inOrder)
  }
}

/// A finding and, when it may be shown, the index of its unit among the kept units.
struct MadeFinding {
  var finding: Finding
  var keptIndex: Int?
}

/// One document's findings spilled so far, and the summaries' parts gathered from them.
struct SpilledParts {
  let spill: FindingSpill
  /// What was spilled and gathered so far.
  private(set) var gathered = DocumentFindings()
  /// Occurrences of each fingerprint base so far, for the ids.
  private var seen: [String: Int] = [:]
  /// The last finding spilled.
  private var last: Finding?

  init(spill: FindingSpill) { self.spill = spill }

  /// Spills `made` (sorted, unit indices within the document), which must follow every finding
  /// spilled before in report order; false, with nothing spilled, when it does not.
  mutating func spill(_ made: [MadeFinding]) -> Bool {
    guard let first = made.first?.finding else { return true }
    if let last, !FindingOrder.precedes(last, first) { return false }
    last = made.last?.finding
    var findings = made.map(\.finding)
    FindingAssembler.assignIDs(&findings, seen: &seen)
    for (index, entry) in made.enumerated() {
      guard let keptIndex = entry.keptIndex else { continue }
      var candidate = findings[index]
      candidate.unitIndex = keptIndex
      gathered.candidates.append(candidate)
    }
    let suppressed = findings.filter(\.isSuppressed)
    findings.removeAll(where: \.isSuppressed)
    gathered.counts.add(FindingCounts(findings: findings, suppressed: suppressed))
    for finding in findings {
      gathered.clauses.add(finding)
      gathered.timed.add(finding)
    }
    gathered.amounts += AmountEntry.entries(of: findings)
    gathered.activeJSON += spillJSON(findings)
    gathered.suppressedJSON += spillJSON(suppressed)
    gathered.csvRows += Self.blocks(of: findings).map { block in
      spill.append(Data(block.map(CSVReportWriter.row(for:)).joined().utf8))
    }
    return true
  }

  /// Spills the `findings.json` entries of `findings`, a block at a time.
  private func spillJSON(_ findings: [Finding]) -> [SpillSegment] {
    Self.blocks(of: findings).map { block in
      spill.append(
        PrettyJSONBuffer.fragment(depth: JSONReportWriter.entryDepth, block) { json, finding in
          JSONReportWriter.write(FindingsFile.Entry(finding), to: &json)
        })
    }
  }

  /// `findings` cut into blocks of `DocumentSpiller.blockSize`.
  private static func blocks(of findings: [Finding]) -> [ArraySlice<Finding>] {
    stride(from: 0, to: findings.count, by: DocumentSpiller.blockSize).map {
      findings[$0..<min($0 + DocumentSpiller.blockSize, findings.count)]
    }
  }
}
