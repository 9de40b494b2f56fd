import Ingest
import Signals

/// The units the HTML report keeps of one document that arrives piece after piece (the pieces of
/// a large text file, the batches a chat export's parser hands over), chosen so that they do not
/// depend on where the document was cut: those `DocumentExcerpt.kept` keeps of the whole document.
///
/// Units are held whole while the document has at most `wholeDocumentLimit` units; once it has
/// more (counting each message of an elided run), what is held is cut down to the windows around the centers so far and the rest is
/// excerpted as it comes. A window crosses piece edges: the last units of a piece wait for the
/// next one (a center on its first unit keeps the `window` units before it) and a window reaching
/// past the end of a piece goes on into the next. Memory is bounded by the kept units, the
/// limit, and `relatedLookback + window` units carried from piece to piece.
///
/// One difference with a whole read remains, a documented limit: a related unit
/// (`Signal.related`) is found only among the units of its finding's piece and the
/// `relatedLookback` units before that piece; one lying further back is not kept (the shipped
/// packs relate units at most a few messages apart).
///
/// An `elided` unit is never kept. A sieved document (see `UnitSieve`) whose sieve has a radius
/// of `window` has every unit of a window built, also across the cuts of a file read in pieces
/// (each piece is sieved alone but builds its first and last `radius` messages whole), so no
/// window loses a unit to the sieve.
struct StreamedExcerpt {
  /// The window, the whole-document limit and the related lookback.
  let excerpt: DocumentExcerpt
  /// The units kept so far, in document order.
  private var kept: [TextUnit] = []
  /// For each center settled so far, its index in the document and among the kept units.
  private var keptIndex: [Int: Int] = [:]
  /// Units not settled yet (kept or dropped), the first at index `heldStart` of the document.
  private var held: [TextUnit] = []
  /// Whether each held unit lies in a window.
  private var marked: [Bool] = []
  /// The ordinal of each held unit: how many units of the file come before it, counting the
  /// messages of an elided run one by one (`TextUnit.span`). Windows are counted in ordinals.
  private var ordinals: [Int] = []
  private var heldStart = 0
  /// The units received so far.
  private var total = 0
  /// How many of the file's units they stand for.
  private var messages = 0
  /// The last ordinal a window reaches (it may lie beyond the units received).
  private var markedThrough = -1
  /// The centers among the held units.
  private var centers: Set<Int> = []
  /// While the document is kept whole: the centers seen, their windows not yet marked.
  private var wholeCenters: [(unitIndex: Int, related: [RelatedUnit])] = []
  /// Whether the document has had at most `wholeDocumentLimit` units so far.
  private var whole = true

  /// Starts a document.
  init(excerpt: DocumentExcerpt) { self.excerpt = excerpt }

  /// Adds the next piece of the document with its `centers` (unit indices within the piece, and
  /// the related units each rests on).
  mutating func add(_ piece: EvidenceDocument, around centers: [(unitIndex: Int, related: [RelatedUnit])]) {
    let base = total
    total += piece.units.count
    marked += repeatElement(false, count: piece.units.count)
    ordinals.reserveCapacity(ordinals.count + piece.units.count)
    for unit in piece.units {
      ordinals.append(messages)
      messages += unit.span
    }
    var reached = base
    while reached < total && ordinal(reached) <= markedThrough {
      marked[reached - heldStart] = true
      reached += 1
    }
    let placed = centers.map { (unitIndex: $0.unitIndex + base, related: $0.related) }
    if whole {
      wholeCenters += placed
      guard messages > excerpt.wholeDocumentLimit else {
        held += piece.units
        return
      }
      whole = false
      markWindows(around: wholeCenters, in: piece)
      wholeCenters = []
    } else {
      markWindows(around: placed, in: piece)
    }
    settle(before: total - excerpt.relatedLookback - excerpt.window, piece: piece.units)
  }

  /// The kept units of the whole document, and for each center its index in the document mapped
  /// to its index among them. A document of at most `wholeDocumentLimit` units with a center is
  /// kept whole; one with no center keeps nothing.
  consuming func finish() -> (units: [TextUnit], keptIndex: [Int: Int]) {
    if whole {
      guard !wholeCenters.isEmpty else { return ([], [:]) }
      return (held, Dictionary(wholeCenters.map { ($0.unitIndex, $0.unitIndex) }, uniquingKeysWith: { first, _ in first }))
    }
    settle(before: total, piece: [])
    return (kept, keptIndex)
  }

  /// Marks the windows around `placed` (document indices) and around the related units of
  /// `piece`'s document each rests on, among the held units and those of `piece` (the last
  /// received, not yet held).
  private mutating func markWindows(around placed: [(unitIndex: Int, related: [RelatedUnit])], in piece: EvidenceDocument) {
    var firstByLine: [Int: Int]?
    for center in placed {
      centers.insert(center.unitIndex)
      markWindow(around: center.unitIndex)
      for related in center.related where related.path == piece.path {
        if firstByLine == nil { firstByLine = firstUnitByLine(piece.units) }
        if let index = firstByLine?[related.line] { markWindow(around: index) }
      }
    }
  }

  /// For each line, the document index of the first unit starting on it among the held units
  /// and those of `piece`, which follow them.
  private func firstUnitByLine(_ piece: [TextUnit]) -> [Int: Int] {
    var first: [Int: Int] = [:]
    for (offset, unit) in held.enumerated() where first[unit.line] == nil { first[unit.line] = heldStart + offset }
    let base = heldStart + held.count
    for (offset, unit) in piece.enumerated() where first[unit.line] == nil { first[unit.line] = base + offset }
    return first
  }

  /// Marks the units within `window` ordinals on either side of `center` (a held unit); those
  /// beyond the units received are marked as they come.
  private mutating func markWindow(around center: Int) {
    guard center >= heldStart && center < total else { return }
    let centerOrdinal = ordinal(center)
    markedThrough = max(markedThrough, centerOrdinal + excerpt.window)
    var index = center
    while index >= heldStart && lastOrdinal(index) >= centerOrdinal - excerpt.window {
      marked[index - heldStart] = true
      index -= 1
    }
    index = center + 1
    while index < total && ordinal(index) <= centerOrdinal + excerpt.window {
      marked[index - heldStart] = true
      index += 1
    }
  }

  /// The ordinal of the held unit at document index `index`.
  private func ordinal(_ index: Int) -> Int { ordinals[index - heldStart] }

  /// The ordinal of the last message the held unit at `index` stands for.
  private func lastOrdinal(_ index: Int) -> Int { (index + 1 < total ? ordinal(index + 1) : messages) - 1 }

  /// Settles the units before document index `end` among the held ones and those of `piece` (the
  /// last received, which follow them): the marked ones are kept (but `elided` units), the others
  /// dropped; the units from `end` on are held.
  private mutating func settle(before end: Int, piece: [TextUnit]) {
    let base = heldStart + held.count
    let end = min(max(end, heldStart), total)
    for index in heldStart..<end where marked[index - heldStart] {
      let unit = index < base ? held[index - heldStart] : piece[index - base]
      if centers.remove(index) != nil {
        keptIndex[index] = kept.count
      } else if unit.kind == .elided {
        continue
      }
      kept.append(unit)
    }
    if end <= base {
      held.removeFirst(end - heldStart)
      held += piece
    } else {
      held = Array(piece[(end - base)...])
    }
    marked.removeFirst(end - heldStart)
    ordinals.removeFirst(end - heldStart)
    heldStart = end
  }
}
