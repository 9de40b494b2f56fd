import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// Reading large files in pieces, dropping source views and streaming findings.json change
/// nothing in the findings.
@Suite struct ScanPipelineStreamingTests {
  let lexicon = ScanPipelineTests.lexicon

  /// A folder with one MemoTrace chat of `records` messages, every seventh asking for 控制输赢.
  static func chatFolder(records: Int) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("pieces")
    let root = temporary.url
    let text = (0..<records).map { index in
      let time = String(format: "2023-06-%02d %02d:%02d:00", 1 + index / 1_440 % 28, index / 60 % 24, index % 60)
      let body = index % 7 == 3 ? "第\(index)单，后台要能控制输赢" : "第\(index)条，周报记得交"
      return "\(time) \(index % 2 == 0 ? "小李" : "老周")\n\(body)\n"
    }.joined(separator: "\n")
    try text.write(to: root.appendingPathComponent("群聊.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  @Test func piecesGiveTheFindingsOfAWholeRead() throws {
    let temporary = try Self.chatFolder(records: 3_000)
    defer { temporary.remove() }
    let root = temporary.url
    let whole = try ScanPipeline(lexicon: lexicon, subjects: ["小李"]).run(folder: root)
    let pieces = try ScanPipeline(
      lexicon: lexicon, subjects: ["小李"],
      streaming: StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 2_048)
    ).run(folder: root)
    #expect(whole.findings.count == 429)
    #expect(pieces.findings == whole.findings)
    #expect(pieces.documents.first?.unitCount == 3_000)
    #expect(pieces.documents.first?.sha256 == whole.documents.first?.sha256)
    #expect(pieces.documents.first?.diagnostics.map(\.code) == ["streamed"])
  }

  @Test func withoutHTMLOnlyTheUnitsAndTimelinesAreDropped() throws {
    let temporary = try Self.chatFolder(records: 3_000)
    defer { temporary.remove() }
    let root = temporary.url
    let full = try ScanPipeline(lexicon: lexicon, subjects: ["小李"]).run(folder: root)
    let lean = try ScanPipeline(lexicon: lexicon, subjects: ["小李"], preparesHTML: false).run(folder: root)
    #expect(full.documents.first?.units.isEmpty == false)
    #expect(lean.documents.first?.units.isEmpty == true)
    #expect(lean.documents.first?.unitCount == 3_000)
    #expect(!full.timeline.isEmpty)
    #expect(lean.timeline.isEmpty)
    #expect(JSONReportWriter().render(lean) == JSONReportWriter().render(full))
    #expect(CSVReportWriter().render(lean) == CSVReportWriter().render(full))
  }

  @Test func findingsJSONWrittenToAFileEqualsTheRenderedBytes() throws {
    let temporary = try Self.chatFolder(records: 42_000)
    defer { temporary.remove() }
    let root = temporary.url
    let report = try ScanPipeline(lexicon: lexicon, subjects: [], preparesHTML: false).run(folder: root)
    #expect(report.findings.count == 6_000)
    let file = root.appendingPathComponent("findings.json")
    try JSONReportWriter().write(report, to: file)
    #expect(try Data(contentsOf: file) == JSONReportWriter().render(report))
  }
}
