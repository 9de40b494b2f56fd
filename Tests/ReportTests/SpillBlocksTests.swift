import Foundation
import Ingest
import Testing

@testable import Report
import TestSupport

/// The spill renders each finding's entries as it gathers it (`SpillBlocks`), its time once for
/// both findings files (`FindingTimeText`), and still writes what the in-memory scan writes.
@Suite struct SpillBlocksTests {
  /// A folder with one chat of `messages` messages, two at a time sharing their minute, whose
  /// lines give inculpatory, exculpatory, clause-less and negated findings.
  static func evidence(messages: Int) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("spill-blocks")
    let folder = temporary.url
    let lines = ["后台要能控制输赢", "我们只卖标准版", "按u结算", "普通的一行", "我不会帮你控制输赢", "钱用U结算，不走公账"]
    let text = (0..<messages).map { index in
      let minute = index / 2
      let time = String(format: "2023-06-%02d %02d:%02d:00", 1 + minute / 1_440, minute / 60 % 24, minute % 60)
      return "\(time) \(index % 3 == 0 ? "小李" : "老周")\n第\(index)条，\(lines[index % lines.count])\n"
    }.joined(separator: "\n")
    try text.write(to: folder.appendingPathComponent("chat.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  @Test func aDocumentOfSeveralBlocksSpillsTheBytesOfTheInMemoryScanInEveryFormat() throws {
    let temporary = try Self.evidence(messages: 2_600)
    defer { temporary.remove() }
    let folder = temporary.url
    let pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"])
    let memory = try pipeline.run(folder: folder)
    #expect(memory.findings.count > 1_000)
    #expect(!memory.suppressed.isEmpty)
    let both = try pipeline.runSpilling(folder: folder, htmlLimit: 5)
    #expect((both.spilled?.activeJSON.count ?? 0) > 1)
    #expect((both.spilled?.csvRows.count ?? 0) > 1)
    #expect(JSONReportWriter().render(both) == JSONReportWriter().render(memory))
    #expect(CSVReportWriter().render(both) == CSVReportWriter().render(memory))
    let json = try pipeline.runSpilling(folder: folder, htmlLimit: 5, formats: [.json])
    #expect(JSONReportWriter().render(json) == JSONReportWriter().render(memory))
    let csv = try pipeline.runSpilling(folder: folder, htmlLimit: 5, formats: [.csv])
    #expect(CSVReportWriter().render(csv) == CSVReportWriter().render(memory))
    #expect(both.counts == memory.counts && both.clauses == memory.clauses && both.amounts == memory.amounts)
  }

  @Test func writtenFilesOfSeveralBlocksAreTheBytesOfTheInMemoryScan() throws {
    let evidenceFolder = try Self.evidence(messages: 2_600)
    defer { evidenceFolder.remove() }
    let outFolder = try SpillingScanTests.spillParent()
    defer { outFolder.remove() }
    let (folder, out) = (evidenceFolder.url, outFolder.url)
    let pipeline = ScanPipeline(lexicon: try SpillingScanTests.shipped(), subjects: ["小李"])
    let memory = try pipeline.run(folder: folder)
    let spilled = try pipeline.runSpilling(folder: folder, htmlLimit: 5)
    #expect((spilled.spilled?.suppressedJSON.count ?? 0) > 0 && (spilled.spilled?.csvRows.count ?? 0) > 1)
    try JSONReportWriter().write(spilled, to: out.appendingPathComponent("findings.json"))
    try CSVReportWriter().write(spilled, to: out.appendingPathComponent("findings.csv"))
    #expect(try Data(contentsOf: out.appendingPathComponent("findings.json")) == JSONReportWriter().render(memory))
    #expect(try Data(contentsOf: out.appendingPathComponent("findings.csv")) == CSVReportWriter().render(memory))
  }

  @Test func aTimeIsTheISOTextOfItsOwnFieldsWhetherOrNotItRepeatsTheOneBefore() throws {
    let first = ChatTime(epochSeconds: 1_685_581_200, raw: "2023-06-01 09:00:00")
    let sameInstantOtherText = ChatTime(epochSeconds: 1_685_581_200, raw: "2023/6/1 9:00")
    let sameInstantOtherZone = ChatTime(epochSeconds: 1_685_581_200, utcOffsetSeconds: -5 * 3600, raw: "x")
    let later = ChatTime(epochSeconds: 1_685_581_260, raw: "2023-06-01 09:01:00")
    var times = FindingTimeText()
    for time in [first, first, sameInstantOtherText, nil, sameInstantOtherZone, later, first] {
      #expect(times.text(of: time) == time?.iso8601)
    }
    #expect(times.text(of: sameInstantOtherZone) == "2023-05-31T20:00:00-05:00")
  }
}
