import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// WhatsApp TXT and WechatExporter TXT chats are handed over in batches; a scan keeps for the HTML
/// report the units a whole read keeps, and its reports are the same with and without the sieve.
@Suite struct ChatTextBatchScanTests {
  /// Message bodies: everyday talk, with the example lines of the shipped packs (twice over)
  /// every 37 messages and around the batch edges (8,192 and 16,384), where a sequence's two
  /// messages stand on either side of the edge.
  static func bodies() throws -> [String] {
    let everyday = ["好的，明天见", "快递到了吗", "今天开会改到三点", "晚上一起吃饭吧", "我到楼下了", "这周末要加班吗", "行，就这么定了"]
    var bodies = (0..<17_000).map { everyday[$0 % everyday.count] }
    var examples = try UnitSieveScanTests.exampleLines()
    examples += examples
    let edges = [8_185, 8_187, 8_191, 8_192, 8_194, 16_383, 16_384, 16_386]
    for (example, position) in zip(examples, edges + Array(stride(from: 20, to: 17_000, by: 37))) {
      bodies[position] = position % 3 == 0 ? "先说一句\n" + example : example
    }
    bodies[8_191] = "我们做的是菠菜，你懂的"
    bodies[8_193] = "明白，先做着，尾款按时给就行"
    return bodies
  }

  /// A folder with the bodies as a WhatsApp chat (CRLF) and as a WechatExporter chat (LF).
  static func evidence() throws -> TemporaryFolder {
    let bodies = try bodies()
    let temporary = try TemporaryFolder("batch-case")
    let folder = temporary.url
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("项目群"), withIntermediateDirectories: true)
    let stamps = bodies.indices.map { index in (day: 1 + index / 1_440 % 28, hour: index / 60 % 24, minute: index % 60) }
    let whatsApp = zip(bodies, stamps).enumerated().map { index, entry in
      let (body, stamp) = entry
      return "\(stamp.day)/6/23, \(stamp.hour):\(String(format: "%02d", stamp.minute)) - \(index % 3 == 0 ? "小李" : "老周"): "
        + body.replacingOccurrences(of: "\n", with: "\r\n")
    }.joined(separator: "\r\n") + "\r\n"
    try whatsApp.write(to: folder.appendingPathComponent("WhatsApp Chat with 老周.txt"), atomically: true, encoding: .utf8)
    let wechat = zip(bodies, stamps).enumerated().map { index, entry in
      let (body, stamp) = entry
      if index % 211 == 100 { return "\"老周\" 撤回了一条消息" }
      let time = String(format: "2023-06-%02d %02d:%02d:00", stamp.day, stamp.hour, stamp.minute)
      return "\(index % 3 == 0 ? "小李" : "老周") (\(time)):\(body)"
    }
    try (["项目群 - 微信聊天记录", ""] + wechat).joined(separator: "\n").appending("\n").write(
      to: folder.appendingPathComponent("项目群/index.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  static func pipeline(sieves: Bool) throws -> ScanPipeline {
    var pipeline = ScanPipeline(lexicon: try PieceCutExcerptTests.lexicon, subjects: ["小李"])
    pipeline.sievesUnits = sieves
    return pipeline
  }

  @Test func reportsEqualThoseOfAScanThatBuildsEveryMessage() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let sieved = try Self.pipeline(sieves: true)
    let whole = try Self.pipeline(sieves: false)
    let reference = try whole.run(folder: folder)
    #expect(reference.findings.count > 150 && Set(reference.findings.map(\.path)).count == 2)
    #expect(
      Set(reference.findings.filter { $0.excerpt.contains("尾款按时给") && !$0.related.isEmpty }.map(\.path)).count == 2,
      "a sequence spans the first batch edge")
    for limit in [0, 5] {
      let spilled = try sieved.runSpilling(folder: folder, htmlLimit: limit)
      let spilledWhole = try whole.runSpilling(folder: folder, htmlLimit: limit)
      #expect(JSONReportWriter().render(spilled) == JSONReportWriter().render(reference))
      #expect(CSVReportWriter().render(spilled) == CSVReportWriter().render(reference))
      #expect(HTMLReportWriter(findingLimit: limit).render(spilled) == HTMLReportWriter(findingLimit: limit).render(spilledWhole))
      #expect(!spilled.documents.contains { $0.units.contains { $0.kind == .elided } })
    }
  }

  @Test(arguments: [true, false])
  func theKeptUnitsAreThoseOfAWholeRead(sieves: Bool) throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let report = try Self.pipeline(sieves: sieves).runSpilling(folder: folder, htmlLimit: 0)
    let evidence = try EvidenceFolder(root: folder)
    for entry in evidence.entries() {
      let document = evidence.read(entry)
      let firstUnit = Dictionary(document.units.enumerated().map { ($1.line, $0) }, uniquingKeysWith: min)
      let centers = (report.findings + report.suppressed).filter { $0.path == entry.relativePath }.compactMap { finding in
        firstUnit[finding.line].map { (unitIndex: $0, related: finding.related) }
      }
      let kept = try #require(report.documents.first { $0.path == entry.relativePath })
      #expect(centers.count > 50 && kept.isExcerpted)
      #expect(kept.units == DocumentExcerpt().kept(document, around: centers).units, "\(entry.relativePath)")
    }
  }
}
