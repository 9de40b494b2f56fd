import Ingest
import Signals
import Testing

@testable import Report

/// Large documents keep only the units near their signals; indices follow the kept units.
@Suite struct DocumentExcerptTests {
  static func document(units count: Int) -> EvidenceDocument {
    let units = (0..<count).map { index in
      TextUnit(kind: .message, line: index * 3 + 1, endLine: index * 3 + 2, text: "消息\(index)",
        firstBodyLine: index * 3 + 2, speaker: index % 2 == 0 ? "小李" : "老周")
    }
    return EvidenceDocument(
      path: "big.txt", sha256: String(repeating: "c", count: 64), bytes: count * 30,
      format: .wechatMemoTraceTXT, encoding: "utf-8", status: .parsed, units: units)
  }

  static func signal(at index: Int, in document: EvidenceDocument, related: [RelatedUnit] = [])
    -> Signal
  {
    let unit = document.units[index]
    return Signal(
      ruleID: "t.rule", path: document.path, unitIndex: index, line: unit.line,
      endLine: unit.endLine, matched: [MatchedPart(term: "消息", text: "消息", start: 0, end: 2)],
      related: related, why: "test")
  }

  @Test func smallDocumentsAreKeptWhole() {
    let document = Self.document(units: 50)
    let signal = Self.signal(at: 7, in: document)
    let (units, newIndex) = DocumentExcerpt().kept(document, around: [(signal.unitIndex, signal.related)])
    #expect(units.count == 50)
    #expect(newIndex[7] == 7)
  }

  @Test func largeDocumentsKeepWindowsAroundSignalsAndRelatedUnits() {
    let document = Self.document(units: 10_000)
    let notice = document.units[2_000]
    let signals = [
      Self.signal(at: 10, in: document),
      Self.signal(
        at: 2_004, in: document,
        related: [RelatedUnit(path: "big.txt", line: notice.line, endLine: notice.endLine, role: "notice")]),
      Self.signal(at: 9_999, in: document),
    ]
    let (units, newIndex) = DocumentExcerpt(wholeDocumentLimit: 100, window: 3)
      .kept(document, around: signals.map { (unitIndex: $0.unitIndex, related: $0.related) })
    #expect(units.count == 7 + 11 + 4, "7 around unit 10, 1997…2007 merged, 9996…9999")
    for signal in signals {
      #expect(units[newIndex[signal.unitIndex]].line == signal.line, "the index follows the unit")
    }
    #expect(units.contains { $0.line == notice.line }, "the related notice is kept")
  }
}
