import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// A finding on the first message of a piece (or batch) keeps for the HTML report its context
/// in the piece before, and one on the last message its context in the piece after, with and
/// without the unit sieve: the sieved scan keeps the units of the scan that builds every message.
@Suite struct PieceEdgeContextTests {
  /// The body of a finding (tech.win-control, said by the subject 小李).
  static let finding = "后台要能单独控制某个会员的输赢"
  /// Everyday bodies no rule fires on, which the sieve leaves unread.
  static let everyday = ["好的，明天见", "快递到了吗", "今天开会改到三点", "晚上一起吃饭吧", "我到楼下了", "这周末要加班吗", "行，就这么定了"]

  /// One chat file: its text, the messages whose context the report must keep (each with its
  /// body's line), and the streaming policy it is read with.
  struct Layout {
    let name: String
    let text: String
    let contextLines: [Int]
    let streaming: StreamingPolicy
  }

  /// The 1-based line on which byte `offset` of `text` lies.
  static func line(at offset: Int, in text: [UInt8]) -> Int {
    1 + text[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// A chat of line records read in pieces: `header`, then `count` records (`record(i, body)`,
  /// each ending with its last line break) separated by `separator`. The piece size is the byte
  /// offset of record `first`, so the second piece starts with it; the last record of the second
  /// piece is found from the offsets. Both carry the finding, with everyday messages around.
  static func pieces(
    name: String, header: String, separator: String, bodyLineOffset: Int, count: Int, first: Int,
    record: (Int, String) -> String
  ) -> (layout: Layout, firstIndex: Int, lastIndex: Int) {
    var bodies = (0..<count).map { $0 == first ? finding : everyday[$0 % everyday.count] }
    func starts() -> [Int] {
      var starts: [Int] = []
      var offset = header.utf8.count
      for index in 0..<count {
        starts.append(offset)
        offset += record(index, bodies[index]).utf8.count + separator.utf8.count
      }
      return starts
    }
    let pieceBytes = starts()[first]
    let last = starts().lastIndex { $0 < 2 * pieceBytes } ?? first
    bodies[last] = finding
    let text = header + (0..<count).map { record($0, bodies[$0]) }.joined(separator: separator)
    let bytes = Array(text.utf8)
    let recordStarts = starts()
    let context = Array(first - 3..<first) + Array(last + 1...last + 3)
    return (
      Layout(
        name: name, text: text, contextLines: context.map { line(at: recordStarts[$0], in: bytes) + bodyLineOffset },
        streaming: StreamingPolicy(thresholdBytes: 1_000, pieceBytes: pieceBytes)),
      first, last
    )
  }

  /// A MemoTrace TXT chat of 7,200 messages in pieces of about 2,400, with the indices of the
  /// first and the last message of the second piece.
  static func memoTrace() -> (layout: Layout, firstIndex: Int, lastIndex: Int) {
    pieces(name: "项目群.txt", header: "", separator: "\n", bodyLineOffset: 1, count: 7_200, first: 2_400) { index, body in
      let time = String(format: "2023-07-%02d %02d:%02d:00", 1 + index / 1_440, index / 60 % 24, index % 60)
      return "\(time) \(body == finding || index % 3 == 0 ? "小李" : "老周")\n\(body)\n"
    }
  }

  /// A QQ message-manager TXT export of one friend block of 7,200 messages, in pieces of 2,400.
  static func qq() -> Layout {
    let separator = String(repeating: "=", count: 64)
    let header =
      "消息记录（此消息记录为文本格式，不支持重新导入）\n\n"
      + [separator, "消息分组:我的好友", separator, "消息对象:老周", separator, ""].joined(separator: "\n") + "\n"
    return pieces(name: "全部消息记录.txt", header: header, separator: "\n", bodyLineOffset: 1, count: 7_200, first: 2_400) {
      index, body in
      let time = String(format: "2023-06-%02d %02d:%02d:00", 1 + index / 1_440 % 28, index / 60 % 24, index % 60)
      return "\(time) \(body == finding || index % 2 == 0 ? "小李(12345678)" : "老周(23456789)")\n\(body)\n"
    }.layout
  }

  /// Bodies for a chat its parser hands over in batches of `UnitBatches.standardSize` units:
  /// the finding every 8th message up to the second batch's first (so that, sieved or not,
  /// every message is one unit there: 3 built whole on either side of a finding, one left
  /// between), once more on the first batch's last message, then everyday talk.
  static func batchBodies() -> (bodies: [String], contextIndices: [Int]) {
    let edge = 8_192
    let bodies = (0..<(edge + 3_000)).map { index in
      index <= edge && index % 8 == 0 || index == edge - 1 ? finding : everyday[index % everyday.count]
    }
    return (bodies, Array(edge - 4..<edge - 1) + Array(edge + 1...edge + 3))
  }

  /// A WhatsApp TXT chat of `batchBodies`.
  static func whatsApp() -> Layout {
    let (bodies, context) = batchBodies()
    let lines = bodies.enumerated().map { index, body in
      "\(1 + index / 1_440 % 28)/6/23, \(index / 60 % 24):\(String(format: "%02d", index % 60)) - "
        + "\(body == finding || index % 3 == 0 ? "小李" : "老周"): \(body)"
    }
    return Layout(
      name: "WhatsApp Chat with 老周.txt", text: lines.joined(separator: "\n") + "\n", contextLines: context.map { $0 + 1 },
      streaming: StreamingPolicy())
  }

  /// A WechatExporter TXT chat of `batchBodies`.
  static func wechatExporter() -> Layout {
    let (bodies, context) = batchBodies()
    let lines = bodies.enumerated().map { index, body in
      let time = String(format: "2023-06-%02d %02d:%02d:00", 1 + index / 1_440 % 28, index / 60 % 24, index % 60)
      return "\(body == finding || index % 3 == 0 ? "小李" : "老周") (\(time)):\(body)"
    }
    return Layout(
      name: "项目群/index.txt", text: (["项目群 - 微信聊天记录", ""] + lines).joined(separator: "\n") + "\n",
      contextLines: context.map { $0 + 3 }, streaming: StreamingPolicy())
  }

  /// The chat of `format` (MemoTrace, QQ, WhatsApp, else WechatExporter).
  static func layout(_ format: String) -> Layout {
    switch format {
    case "MemoTrace": memoTrace().layout
    case "QQ": qq()
    case "WhatsApp": whatsApp()
    default: wechatExporter()
    }
  }

  /// `layout` written in a fresh folder.
  static func folder(_ layout: Layout) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("edge")
    let folder = temporary.url
    let file = folder.appendingPathComponent(layout.name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try layout.text.write(to: file, atomically: true, encoding: .utf8)
    return temporary
  }

  static func pipeline(sieves: Bool, streaming: StreamingPolicy) throws -> ScanPipeline {
    var pipeline = ScanPipeline(lexicon: try PieceCutExcerptTests.lexicon, subjects: ["小李"], streaming: streaming)
    pipeline.sievesUnits = sieves
    return pipeline
  }

  @Test func theSecondMemoTracePieceStartsAndEndsWithTheFinding() throws {
    let (layout, first, last) = Self.memoTrace()
    let temporary = try Self.folder(layout)
    defer { temporary.remove() }
    let folder = temporary.url
    let evidence = try EvidenceFolder(root: folder)
    let entry = try #require(evidence.entries().first)
    var pieces: [[TextUnit]] = []
    _ = evidence.read(entry, streaming: layout.streaming) { pieces.append($0.units) }
    #expect(pieces.count == 3)
    #expect(pieces.dropFirst().first?.first?.text == Self.finding && pieces.dropFirst().first?.count == last - first + 1)
    #expect(pieces.dropFirst().first?.last?.text == Self.finding)
  }

  @Test(arguments: ["MemoTrace", "QQ", "WhatsApp", "WechatExporter"])
  func theSievedScanKeepsTheContextAcrossTheEdge(format: String) throws {
    let layout = Self.layout(format)
    let temporary = try Self.folder(layout)
    defer { temporary.remove() }
    let folder = temporary.url
    let whole = try Self.pipeline(sieves: false, streaming: layout.streaming)
    let sieved = try Self.pipeline(sieves: true, streaming: layout.streaming)
    let reference = try whole.run(folder: folder)
    let report = try sieved.run(folder: folder)
    let units = try #require(reference.documents.first?.units)
    #expect(reference.documents.first?.isExcerpted == true)
    #expect(reference.findings.count >= 2)
    for line in layout.contextLines {
      #expect(units.contains { $0.line <= line && line <= $0.endLine }, "\(format): line \(line) kept")
    }
    #expect(report.documents.first?.units == units)
    #expect(JSONReportWriter().render(report) == JSONReportWriter().render(reference))
    let html = HTMLReportWriter(findingLimit: 0)
    #expect(html.render(report) == html.render(reference))
    let spilled = try sieved.runSpilling(folder: folder, htmlLimit: 3)
    let spilledWhole = try whole.runSpilling(folder: folder, htmlLimit: 3)
    #expect(spilled.documents.first?.units == spilledWhole.documents.first?.units)
    #expect(HTMLReportWriter(findingLimit: 3).render(spilled) == HTMLReportWriter(findingLimit: 3).render(spilledWhole))
  }
}
