import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// A scan lets the chat parsers skip building the messages no rule can fire on (`UnitSieve`);
/// its reports are the same as a scan that builds every message.
@Suite struct UnitSieveScanTests {
  /// Every example line of the shipped packs' annotated test files (lines that fire and lines
  /// that must not), in file order.
  static func exampleLines() throws -> [String] {
    let folder = SpillingScanTests.root.appendingPathComponent("lexicons")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".test.txt") }.sorted()
    return try files.flatMap { name in
      try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }.map(String.init)
    }
  }

  /// A folder of MemoTrace v1 chats: a large one (LF) and its CRLF copy, in which the example
  /// lines stand (twice over) between runs of everyday messages, some as two-line bodies and some right after
  /// each other, with sequences whose two messages an everyday one separates, plus a small chat.
  static func evidence() throws -> TemporaryFolder {
    let examples = try exampleLines()
    let everyday = ["好的，明天见", "快递到了吗", "今天开会改到三点", "晚上一起吃饭吧", "我到楼下了", "这周末要加班吗", "行，就这么定了"]
    let sequence: [(String?, String)] = [
      ("老周", "我们做的是菠菜，你懂的"), ("老周", "好的，明天见"), ("小李", "明白，先做着，尾款按时给就行"),
      ("老周", "帮我搭交易所，带钱包和后台"), ("小李", "八千块，三天上线"), ("老周", "棋牌平台也要做一个"), ("老周", "好的，明天见"),
      ("老周", "我到楼下了"), ("老周", "快递到了吗"), ("小李", "五千块吧"),
    ]
    var bodies: [(speaker: String?, text: String)] = []
    for (index, example) in (examples + examples).enumerated() {
      bodies += (0..<(index % 4 == 0 ? 0 : 9 + index % 5)).map { (nil, everyday[($0 + index) % everyday.count]) }
      bodies.append((nil, index % 7 == 3 ? "先说一句\n" + example : example))
      if index % 40 == 20 { bodies += sequence }
    }
    func chat(_ bodies: ArraySlice<(speaker: String?, text: String)>, lineBreak: String) -> String {
      bodies.enumerated().map { index, body in
        let time = String(format: "2023-07-%02d %02d:%02d:00", 1 + index / 1_440, index / 60 % 24, index % 60)
        if body.speaker == nil, index % 50 == 49 { return "\(time) \"老周\" 撤回了一条消息" }
        let speaker = body.speaker ?? (index % 3 == 0 ? "小李" : "老周")
        return "\(time) \(speaker)" + lineBreak + body.text.replacingOccurrences(of: "\n", with: lineBreak)
      }.joined(separator: lineBreak + lineBreak) + lineBreak
    }
    let temporary = try TemporaryFolder("sieve-case")
    let folder = temporary.url
    try chat(bodies[...], lineBreak: "\n").write(to: folder.appendingPathComponent("项目群.txt"), atomically: true, encoding: .utf8)
    try chat(bodies[...], lineBreak: "\r\n").write(
      to: folder.appendingPathComponent("项目群-crlf.txt"), atomically: true, encoding: .utf8)
    try chat(bodies.suffix(300), lineBreak: "\n").write(
      to: folder.appendingPathComponent("小群.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  static func pipelines(preparesHTML: Bool, streaming: StreamingPolicy = StreamingPolicy()) throws -> (ScanPipeline, ScanPipeline) {
    let sieved = ScanPipeline(
      lexicon: try SpillingScanTests.shipped(), subjects: ["小李"], preparesHTML: preparesHTML, streaming: streaming)
    var whole = sieved
    whole.sievesUnits = false
    return (sieved, whole)
  }

  @Test func theShippedLexiconsAllowASieve() throws {
    let (pipeline, _) = try Self.pipelines(preparesHTML: true)
    #expect(pipeline.unitSieve(keeping: DocumentExcerpt()) != nil)
  }

  @Test(arguments: [false, true])
  func reportsEqualThoseOfAScanThatBuildsEveryMessage(streamed: Bool) throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let streaming = streamed ? StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 128 << 10) : StreamingPolicy()
    let (sieved, whole) = try Self.pipelines(preparesHTML: true, streaming: streaming)
    var reading = try EvidenceFolder(root: folder)
    reading.unitSieve = sieved.unitSieve(keeping: DocumentExcerpt())
    var units: [TextUnit] = []
    let entry = try #require(reading.entries().first { $0.relativePath == "项目群-crlf.txt" })
    let manifest = reading.read(entry, streaming: streaming) { units += $0.units }
    let messages = TextUnit.count(of: units)
    let unread = TextUnit.count(of: units.filter { $0.kind == .elided })
    #expect(messages > 3_000 && unread * 3 > messages && units.count < messages - unread / 2)
    #expect(manifest.diagnostics.contains { $0.code == "streamed" } == streamed)
    let reference = try whole.run(folder: folder)
    #expect(reference.findings.count > 150 && reference.suppressed.count > 20)
    #expect(Set(reference.findings.map(\.path)).count == 3)
    #expect(reference.findings.contains { !$0.related.isEmpty })
    let prices = reference.findings.filter { $0.rule == "tech.price-anomaly" }
    #expect(prices.contains { $0.related.contains { $0.role == "service" } })
    #expect(!prices.contains { $0.excerpt == "五千块吧" })
    let report = try sieved.run(folder: folder)
    #expect(JSONReportWriter().render(report) == JSONReportWriter().render(reference))
    #expect(CSVReportWriter().render(report) == CSVReportWriter().render(reference))
    let html = HTMLReportWriter(findingLimit: 0)
    #expect(html.render(report) == html.render(reference))
    for limit in [0, 5] {
      let spilled = try sieved.runSpilling(folder: folder, htmlLimit: limit)
      #expect(JSONReportWriter().render(spilled) == JSONReportWriter().render(reference))
      #expect(HTMLReportWriter(findingLimit: limit).render(spilled) == HTMLReportWriter(findingLimit: limit).render(try whole.runSpilling(folder: folder, htmlLimit: limit)))
      #expect(!spilled.documents.contains { $0.units.contains { $0.kind == .elided } })
    }
    #expect(!report.documents.contains { $0.units.contains { $0.kind == .elided } })
  }

  @Test func withoutAnHTMLReportOnlyTheMessagesThatMatterAreBuilt() throws {
    let temporary = try Self.evidence()
    defer { temporary.remove() }
    let folder = temporary.url
    let (sieved, whole) = try Self.pipelines(preparesHTML: false)
    #expect(
      JSONReportWriter().render(try sieved.runSpilling(folder: folder, htmlLimit: 0))
        == JSONReportWriter().render(try whole.run(folder: folder)))
    let evidence = try EvidenceFolder(root: folder)
    var reading = evidence
    reading.unitSieve = sieved.unitSieve(keeping: nil)
    let entry = try #require(evidence.entries().first { $0.relativePath == "项目群.txt" })
    var units: [TextUnit] = []
    _ = reading.read(entry, streaming: StreamingPolicy()) { units += $0.units }
    let built = units.filter { $0.kind != .elided }.count
    let messages = TextUnit.count(of: units)
    #expect(messages == evidence.read(entry).units.count)
    #expect(built > 100 && built * 4 < messages)
  }
}
