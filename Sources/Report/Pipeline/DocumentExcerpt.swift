import Ingest
import Signals

/// Keeps memory bounded on large evidence: after a document is scanned, only the units near its
/// signals are kept for the report, with a map from the document's unit indices to the kept ones.
///
/// A phone's worth of chats is mostly ordinary talk; holding every unit of every file until the
/// report is written would make memory grow with the corpus. Documents of at most
/// `wholeDocumentLimit` units are kept whole (their source views show every line); larger ones
/// keep `window` units on either side of each signal and of each related unit, and the report says
/// that their source view is an excerpt. `unitCount` keeps the true number of units.
///
/// `kept` sees one document, or one piece of it at a time; a document read in pieces whose kept
/// units must not depend on the cuts goes through `StreamedExcerpt`. It never keeps an
/// `elided` unit (a message a `UnitSieve` left unread, which has no text to show): a piece that
/// holds one is a piece of a large document and is never kept whole.
struct DocumentExcerpt {
  /// Documents with at most this many units are kept whole.
  var wholeDocumentLimit = 2_000
  /// Units kept on either side of a unit a signal rests on.
  var window = 3
  /// How many units before the piece a finding lies in `StreamedExcerpt` still finds the finding's
  /// related units in.
  var relatedLookback = 2_000

  /// The units of `document` kept around `centers` (each a unit index and the related units it
  /// rests on), and for every unit of the document its index among the kept ones (-1 when it is
  /// dropped). A document of at most `wholeDocumentLimit` units is kept whole, unless it holds
  /// an `elided` unit; an elided unit is kept only as a center.
  func kept(
    _ document: EvidenceDocument, around centers: [(unitIndex: Int, related: [RelatedUnit])]
  ) -> (units: [TextUnit], newIndex: [Int]) {
    guard !keepsWhole(document) else {
      return (document.units, Array(document.units.indices))
    }
    var keep = IndexSetBuilder(document.units)
    var firstUnitByLine: [Int: Int]?
    for center in centers {
      keep.insert(around: center.unitIndex, window: window)
      for related in center.related where related.path == document.path {
        if firstUnitByLine == nil { firstUnitByLine = Self.firstUnitByLine(document.units) }
        if let index = firstUnitByLine?[related.line] {
          keep.insert(around: index, window: window)
        }
      }
    }
    var newIndex = [Int](repeating: -1, count: document.units.count)
    var units: [TextUnit] = []
    units.reserveCapacity(keep.count)
    let centerIndices = Set(centers.map(\.unitIndex))
    for index in document.units.indices
    where keep.contains(index) && (document.units[index].kind != .elided || centerIndices.contains(index)) {
      newIndex[index] = units.count
      units.append(document.units[index])
    }
    return (units, newIndex)
  }

  /// Whether `document` (or piece) is kept whole: it has at most `wholeDocumentLimit` units and
  /// none of them is elided.
  private func keepsWhole(_ document: EvidenceDocument) -> Bool {
    document.units.count <= wholeDocumentLimit && !document.units.contains { $0.kind == .elided }
  }

  /// For each line, the index of the first unit that starts on it.
  private static func firstUnitByLine(_ units: [TextUnit]) -> [Int: Int] {
    var first: [Int: Int] = [:]
    for (index, unit) in units.enumerated() where first[unit.line] == nil { first[unit.line] = index }
    return first
  }
}

/// A set of unit indices backed by a bit array, filled with the windows around units; a window
/// counts the messages of an elided run one by one (`TextUnit.span`).
private struct IndexSetBuilder {
  private var bits: [Bool]
  /// The ordinal of each unit: how many of the file's units come before it.
  private let ordinals: [Int]
  private(set) var count = 0

  init(_ units: [TextUnit]) {
    bits = Array(repeating: false, count: units.count)
    var ordinals: [Int] = []
    ordinals.reserveCapacity(units.count + 1)
    var next = 0
    for unit in units {
      ordinals.append(next)
      next += unit.span
    }
    ordinals.append(next)
    self.ordinals = ordinals
  }

  func contains(_ index: Int) -> Bool { bits[index] }

  /// Inserts the units within `window` ordinals on either side of unit `center`.
  mutating func insert(around center: Int, window: Int) {
    guard bits.indices.contains(center) else { return }
    var index = center
    while index >= 0 && ordinals[index + 1] - 1 >= ordinals[center] - window {
      insert(index)
      index -= 1
    }
    index = center + 1
    while index < bits.count && ordinals[index] <= ordinals[center] + window {
      insert(index)
      index += 1
    }
  }

  private mutating func insert(_ index: Int) {
    guard !bits[index] else { return }
    bits[index] = true
    count += 1
  }
}
