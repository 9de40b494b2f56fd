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
  /// The document's speakers.
  var speakers = SpeakerCensus()
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
/// read again and its findings are held and sorted whole before they are spilled. The units kept
/// for the HTML report are those of a whole read however the document was cut (`StreamedExcerpt`,
/// which says what little differs).
///
/// Whether a conversation's `counterpart` words are third parties' (`ConversationVoices`) is
/// known only once the whole document is read. A document read in one piece is relabelled
/// before anything is spilled; one read in several pieces that holds such a conversation is read
/// again, knowing them, and what the first reading spilled is left unused in the spill file.
struct DocumentSpiller: Sendable {
  /// The folder being scanned.
  let evidence: EvidenceFolder
  /// The compiled lexicon.
  let scanner: SignalScanner
  /// The case's subjects.
  let subjects: Set<String>
  /// What findings take from the lexicon's rules, by rule id.
  let rulesByID: [String: FindingRuleFacts]
  /// When large text files are read in pieces.
  let streaming: StreamingPolicy
  /// How many units are kept around a shown finding.
  let excerpt: DocumentExcerpt
  /// The HTML report's findings per group (0: all), or nil when no HTML report is written.
  let htmlLimit: Int?
  /// Where the findings go.
  let spill: FindingSpill
  /// The findings files whose entries are rendered into the spill (`.json`, `.csv`).
  let formats: Set<ReportFormat>
  /// Told the bytes of each piece read (`ScanProgress`); nil tells no one.
  var progress: ScanProgress.Counter? = nil

  /// Reads, scans and spills `entry`.
  func process(_ entry: EvidenceEntry) -> DocumentOutcome {
    var spillingEachPiece = true
    var thirdParty: Set<String>?
    while true {
      let reading = read(entry, spillingEachPiece: spillingEachPiece, thirdParty: thirdParty)
      if let later = reading.thirdPartyLater {
        thirdParty = later
      } else if reading.inOrder || !spillingEachPiece {
        return reading.outcome
      } else {
        spillingEachPiece = false
      }
    }
  }

  /// Reads `entry` and spills its findings after each piece, or all at the end; `inOrder` is
  /// false (and the outcome incomplete) when they are spilled by piece and a piece's findings do
  /// not follow those already spilled. From a document's second piece on, each piece is spilled
  /// on a `SerialStage` while the next one is scanned.
  ///
  /// `thirdParty` names the document's third parties' conversations when they are known (a
  /// second reading); when nil they are found, and a document of one piece is relabelled before
  /// it is spilled, while one of several that holds some returns them in `thirdPartyLater`:
  /// its outcome then is not to be used, and it is to be read again knowing them.
  private func read(
    _ entry: EvidenceEntry, spillingEachPiece: Bool, thirdParty: Set<String>?
  ) -> (outcome: DocumentOutcome, inOrder: Bool, thirdPartyLater: Set<String>?) {
    var scan = DocumentScan(scanner: scanner, subjects: subjects)
    var speakers = SpeakerCensus()
    var voices = ConversationVoices()
    let spilling = PieceSpilling(spiller: self, spillingEachPiece: spillingEachPiece)
    var first: (piece: EvidenceDocument, signals: [Signal])?
    var stage: SerialStage<(piece: EvidenceDocument, signals: [Signal])>?
    var document = evidence.read(entry, streaming: streaming) { piece in
      progress?.read(bytes: piece.bytes)
      speakers.add(piece)
      if thirdParty == nil { voices.add(piece, scan: scan) }
      // While pieces are spilled on the stage, an out-of-order piece is noticed there; the
      // pieces scanned after it are dropped by `take`.
      guard stage != nil || spilling.inOrder else { return }
      var scanned = (piece: piece, signals: scan.next(piece))
      if let thirdParty {
        ConversationVoices.relabel(&scanned.signals, in: piece.units, thirdParty: thirdParty)
      } else {
        voices.noteTold(scanned.signals, in: piece.units)
      }
      if let stage {
        stage.put(scanned)
      } else if let earlier = first {
        let started = SerialStage<(piece: EvidenceDocument, signals: [Signal])> { spilling.take($0.piece, signals: $0.signals) }
        started.put(earlier)
        started.put(scanned)
        stage = started
        first = nil
      } else {
        first = scanned
      }
    }
    stage?.finish()
    // A piece found out of order drops the signals of the pieces after it: nothing is decided.
    let found =
      thirdParty == nil && spilling.inOrder
      ? voices.thirdParty(
        subjects: Array(subjects), entry: entry, document: document, evidence: evidence, streaming: streaming, scan: scan)
      : []
    if var first {
      ConversationVoices.relabel(&first.signals, in: first.piece.units, thirdParty: found)
      spilling.take(first.piece, signals: first.signals)
    } else if !found.isEmpty {
      return (DocumentOutcome(document: document, findings: DocumentFindings(), speakers: speakers), true, found)
    }
    let findings = spilling.finish(&document)
    return (DocumentOutcome(document: document, findings: findings, speakers: speakers), spilling.inOrder, nil)
  }
}

/// A finding and, when it may be shown, the index of its unit in the document (among the kept
/// units once the document is read: `SpilledParts.placeCandidates`).
struct MadeFinding {
  var finding: Finding
  var keptIndex: Int?

  /// Sorts `made` in report order (`FindingOrder`), stably. The order is found on indices,
  /// comparing the findings where they lie, and then applied by moving each finding once: a
  /// copy of a finding retains a dozen strings and arrays, and sorting the findings themselves
  /// copied them several times each.
  static func sortInReportOrder(_ made: inout [MadeFinding]) {
    made.withUnsafeMutableBufferPointer { made in
      let order = made.indices.sorted { FindingOrder.precedes(made[$0].finding, made[$1].finding) }
      var placed = [Bool](repeating: false, count: made.count)
      for start in made.indices where !placed[start] {
        var position = start
        placed[position] = true
        while order[position] != start {
          made.swapAt(position, order[position])
          position = order[position]
          placed[position] = true
        }
      }
    }
  }
}

/// One document's findings spilled so far, and the summaries' parts gathered from them.
struct SpilledParts {
  let spill: FindingSpill
  /// The findings files whose entries are rendered: `findings.json` entries with `.json`,
  /// `findings.csv` rows with `.csv`.
  let formats: Set<ReportFormat>
  /// What was spilled and gathered so far.
  private(set) var gathered = DocumentFindings()
  /// The ids given so far, for the occurrence counts of the next ones.
  private var ids = FingerprintCounter()
  /// The last finding spilled.
  private var last: Finding?

  init(spill: FindingSpill, formats: Set<ReportFormat>) {
    self.spill = spill
    self.formats = formats
  }

  /// Points the candidates' `unitIndex`, until now their unit's index in the document, at that
  /// unit among the kept ones, `keptIndex` mapping the one to the other (`StreamedExcerpt`).
  mutating func placeCandidates(_ keptIndex: [Int: Int]) {
    for index in gathered.candidates.indices {
      if let kept = keptIndex[gathered.candidates[index].unitIndex] { gathered.candidates[index].unitIndex = kept }
    }
  }

  /// Spills `made` (sorted, unit indices within the document), which must follow every finding
  /// spilled before in report order; false, with nothing spilled, when it does not.
  mutating func spill(_ made: consuming [MadeFinding]) -> Bool {
    guard let first = made.first?.finding else { return true }
    if let last, !FindingOrder.precedes(last, first) { return false }
    last = made.last?.finding
    gather(&made)
    return true
  }

  /// Gives the findings of `made` their ids, gathers their summaries and candidates, and spills
  /// their rendered entries (`SpillBlocks`), in one pass. Only the candidates and the findings
  /// whose amounts are read (`AmountFindings`) are copied.
  private mutating func gather(_ made: inout [MadeFinding]) {
    var blocks = SpillBlocks(spill: spill, formats: formats)
    var amounts = AmountFindings(findings: made.count)
    var counts = FindingCounts(active: 0, exculpatory: 0, suppressed: 0, unmapped: 0)
    for index in made.indices { gather(&made[index], blocks: &blocks, amounts: &amounts, counts: &counts) }
    blocks.finish()
    gathered.counts.add(counts)
    gathered.amounts += AmountEntry.entries(of: amounts.kept)
    gathered.activeJSON += blocks.activeJSON
    gathered.suppressedJSON += blocks.suppressedJSON
    gathered.csvRows += blocks.csvRows
  }

  /// Gives `item` its id and adds it to the candidates, `counts`, the tallies, `amounts` and
  /// `blocks`. The finding is an `inout` parameter, which nothing else may touch during the
  /// call, and is read where it lies: read from the array's buffer in the loop itself, it was
  /// copied whole for each use (its id, each tally, each rendering), which cost more than the
  /// uses. Not inlined, so that it stays a parameter.
  @inline(never)
  private mutating func gather(
    _ item: inout MadeFinding, blocks: inout SpillBlocks, amounts: inout AmountFindings, counts: inout FindingCounts
  ) {
    item.finding.id = ids.id(for: item.finding)
    if let keptIndex = item.keptIndex {
      var candidate = item.finding
      candidate.unitIndex = keptIndex
      gathered.candidates.append(candidate)
    }
    if item.finding.isSuppressed {
      counts.suppressed += 1
    } else {
      counts.active += 1
      if item.finding.polarity == .exculpatory { counts.exculpatory += 1 }
      if item.finding.clauses.isEmpty { counts.unmapped += 1 }
      gathered.clauses.add(item.finding)
      gathered.timed.add(item.finding)
      if item.finding.polarity == .inculpatory { amounts.add(item.finding) }
    }
    blocks.add(item.finding)
  }
}
