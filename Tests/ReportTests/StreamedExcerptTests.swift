import Ingest
import Signals
import Testing

@testable import Report

/// `StreamedExcerpt` keeps, of a document received piece by piece, the units `DocumentExcerpt`
/// keeps of the whole document.
@Suite struct StreamedExcerptTests {
  typealias Center = (unitIndex: Int, related: [RelatedUnit])

  /// Centers at `indices` of `document`; each odd one rests on the unit `back` units before it.
  static func centers(_ indices: [Int], in document: EvidenceDocument, back: Int = 5) -> [Center] {
    indices.enumerated().map { position, index in
      guard position % 2 == 1, index >= back else { return (index, []) }
      let related = document.units[index - back]
      return (index, [RelatedUnit(path: document.path, line: related.line, endLine: related.endLine, role: "first")])
    }
  }

  /// The document cut after each of `cuts` units, fed with its centers to a `StreamedExcerpt`.
  static func streamed(
    _ document: EvidenceDocument, cuts: [Int], centers: [Center], excerpt: DocumentExcerpt
  ) -> (units: [TextUnit], keptIndex: [Int: Int]) {
    var stream = StreamedExcerpt(excerpt: excerpt)
    let bounds = [0] + cuts + [document.units.count]
    for (start, end) in zip(bounds, bounds.dropFirst()) {
      var piece = document
      piece.units = Array(document.units[start..<end])
      stream.add(
        piece, around: centers.filter { (start..<end).contains($0.unitIndex) }.map { ($0.unitIndex - start, $0.related) })
    }
    return stream.finish()
  }

  @Test(arguments: [50, 1_990, 2_010, 9_000])
  func piecesKeepTheUnitsOfTheWholeDocument(count: Int) {
    let document = DocumentExcerptTests.document(units: count)
    let indices = [0, 1, 6, 7, count / 3, count / 3 + 4, count / 2, count - 1].filter { $0 < count }
    let centers = Self.centers(Array(Set(indices)).sorted(), in: document)
    let (units, newIndex) = DocumentExcerpt().kept(document, around: centers)
    for cuts in [[], [7], [1, 2, 3, 4], Array(stride(from: 6, to: count, by: 6)), Array(stride(from: 1_000, to: count, by: 1_000))] {
      let streamed = Self.streamed(document, cuts: cuts, centers: centers, excerpt: DocumentExcerpt())
      #expect(streamed.units.map(\.line) == units.map(\.line), "cut after \(cuts.prefix(4))…")
      for center in centers { #expect(streamed.keptIndex[center.unitIndex] == newIndex[center.unitIndex]) }
    }
  }

  @Test func aDocumentWithoutCentersKeepsNothing() {
    let document = DocumentExcerptTests.document(units: 1_500)
    #expect(Self.streamed(document, cuts: [500, 1_000], centers: [], excerpt: DocumentExcerpt()).units.isEmpty)
  }

  @Test func relatedUnitsAreFoundWithinTheLookbackOnly() {
    let document = DocumentExcerptTests.document(units: 1_000)
    let excerpt = DocumentExcerpt(wholeDocumentLimit: 100, window: 1, relatedLookback: 50)
    let near = document.units[560]
    let far = document.units[300]
    let centers: [Center] = [
      (600, [RelatedUnit(path: document.path, line: near.line, endLine: near.endLine, role: "first")]),
      (700, [RelatedUnit(path: document.path, line: far.line, endLine: far.endLine, role: "first")]),
    ]
    let kept = Self.streamed(document, cuts: [590, 690], centers: centers, excerpt: excerpt).units.map(\.line)
    #expect(kept.contains(near.line) && kept.contains(document.units[559].line))
    #expect(!kept.contains(far.line), "a related unit 400 units before its piece is beyond the lookback")
    #expect(kept.count == 3 + 3 + 3)
  }

  /// `document` with the units in each of `runs` (ranges of indices) made one elided run.
  static func collapsing(_ document: EvidenceDocument, runs: [Range<Int>]) -> EvidenceDocument {
    var collapsed = document
    collapsed.units = []
    var index = 0
    for run in runs + [document.units.count..<document.units.count] {
      collapsed.units += document.units[index..<run.lowerBound]
      if !run.isEmpty {
        var unit = TextUnit(
          kind: .elided, line: document.units[run.lowerBound].line, endLine: document.units[run.upperBound - 1].endLine,
          text: "")
        unit.span = run.count
        collapsed.units.append(unit)
      }
      index = run.upperBound
    }
    return collapsed
  }

  /// A window counts the messages of an elided run one by one, read whole or in pieces, so that
  /// collapsing unread messages into runs keeps the units a window reaches.
  @Test(arguments: [[], [2_502], [2_503, 2_504]])
  func windowsCountTheMessagesOfARun(cuts: [Int]) {
    let document = DocumentExcerptTests.document(units: 3_000)
    // Messages 2,503-2,504 and 2,520-2,589 are runs. Counted in messages, the window of 3 around
    // 2,501 stops at the first run and the one around 2,591 at the second; counted in units it
    // would reach 2,505 and 2,519.
    let collapsed = Self.collapsing(document, runs: [2_503..<2_505, 2_520..<2_590])
    #expect(collapsed.unitCount == 3_000 && collapsed.units.count == 3_000 - 1 - 69)
    let centers: [Center] = [(2_501, []), (2_521, []), (2_530, [])]
    #expect(centers.map { collapsed.units[$0.unitIndex].line } == [2_501, 2_591, 2_600].map { document.units[$0].line })
    let expected = (Array(2_498...2_502) + Array(2_590...2_594) + Array(2_597...2_603)).map { document.units[$0].line }
    let streamed = Self.streamed(collapsed, cuts: cuts, centers: centers, excerpt: DocumentExcerpt())
    #expect(streamed.units.map(\.line) == expected)
    #expect(streamed.keptIndex == [2_501: 3, 2_521: 6, 2_530: 13])
    let (units, newIndex) = DocumentExcerpt().kept(collapsed, around: centers)
    #expect(units.map(\.line) == expected)
    #expect([2_501, 2_521, 2_530].map { newIndex[$0] } == [3, 6, 13])
  }

  @Test func elidedUnitsAreNeverKept() {
    var document = DocumentExcerptTests.document(units: 3_000)
    for index in [2_501, 2_502] {
      let unit = document.units[index]
      document.units[index] = TextUnit(kind: .elided, line: unit.line, endLine: unit.endLine, text: "")
    }
    let streamed = Self.streamed(document, cuts: [2_500], centers: [(2_499, [])], excerpt: DocumentExcerpt())
    #expect(streamed.units.map(\.line) == [2_496, 2_497, 2_498, 2_499, 2_500].map { document.units[$0].line })
    #expect(streamed.keptIndex[2_499] == 3)
    var piece = document
    piece.units = Array(document.units[2_400...])
    let (units, newIndex) = DocumentExcerpt().kept(piece, around: [(unitIndex: 100, related: [])])
    #expect(units.count == 5 && newIndex[100] == 3, "a piece holding elided units is not kept whole")
  }
}
