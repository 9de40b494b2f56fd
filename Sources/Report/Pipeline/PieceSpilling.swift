import Ingest
import Signals

/// What a spilling scan does with the pieces of one document once they are scanned, in order:
/// makes their findings, keeps the units the HTML report may show (`StreamedExcerpt`), and
/// spills the findings after each piece, or holds them to spill at the end.
///
/// A document that arrives in several pieces is spilled on a `SerialStage` while the next piece
/// is scanned, so one large file with many findings keeps two cores busy; the pieces are taken
/// one thread at a time (the stage's `finish` orders what it wrote before the results are read).
final class PieceSpilling: @unchecked Sendable {
  private let rulesByID: [String: FindingRuleFacts]
  private let spillingEachPiece: Bool
  private var quota: FindingQuota?
  private var parts: SpilledParts
  private var held: [MadeFinding] = []
  private var kept: StreamedExcerpt
  private var unitBase = 0
  /// False once a piece's findings, spilled by piece, did not follow those already spilled;
  /// the later pieces are then dropped (the document must be read again).
  private(set) var inOrder = true

  init(spiller: DocumentSpiller, spillingEachPiece: Bool) {
    rulesByID = spiller.rulesByID
    self.spillingEachPiece = spillingEachPiece
    quota = spiller.htmlLimit.map(FindingQuota.init(limit:))
    parts = SpilledParts(spill: spiller.spill, formats: spiller.formats)
    kept = StreamedExcerpt(excerpt: spiller.excerpt)
  }

  /// Makes the findings of `signals`, the signals of `piece`, and spills or holds them.
  func take(_ piece: EvidenceDocument, signals: [Signal]) {
    guard inOrder else { return }
    var made = signals.map { signal in
      MadeFinding(
        finding: FindingAssembler.finding(
          from: signal, rule: rulesByID[signal.ruleID], unit: FindingAssembler.unit(at: signal.unitIndex, in: piece.units)))
    }
    MadeFinding.sortInReportOrder(&made)
    if var open = quota {
      let chosen = made.withUnsafeBufferPointer { made in
        made.indices.filter { open.admit(suppressed: made[$0].finding.isSuppressed, clauses: made[$0].finding.clauses) }
      }
      quota = open
      kept.add(piece, around: chosen.map { (unitIndex: made[$0].finding.unitIndex, related: made[$0].finding.related) })
      for index in chosen { made[index].keptIndex = unitBase + made[index].finding.unitIndex }
    }
    for index in made.indices { made[index].finding.unitIndex += unitBase }
    unitBase += piece.units.count
    if spillingEachPiece {
      inOrder = parts.spill(consume made)
    } else {
      held += made
    }
  }

  /// Spills what is held, puts the kept units into `document` and returns its findings.
  func finish(_ document: inout EvidenceDocument) -> DocumentFindings {
    if !spillingEachPiece {
      MadeFinding.sortInReportOrder(&held)
      inOrder = parts.spill(held)
    }
    let (units, keptIndex) = kept.finish()
    document.units = units
    parts.placeCandidates(keptIndex)
    return parts.gathered
  }
}
