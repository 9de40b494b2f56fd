import Foundation
import Ingest
import Signals
import Testing

@testable import Report
import TestSupport

/// A QQ message-manager TXT export read in pieces gives the findings, the units kept for the
/// HTML report and the diagnostics of a whole read, with the 最近联系人 block last or first.
@Suite struct QQTXTPiecesScanTests {
  /// A folder with one "export all" file: a friend block of `count` messages (every 29th asks
  /// for 控制输赢), a group block, and a 最近联系人 block repeating every fifth friend message.
  static func exportFolder(count: Int, recentFirst: Bool) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("qqpieces")
    let root = temporary.url
    let separator = String(repeating: "=", count: 64)
    func message(_ index: Int) -> String {
      let time = String(format: "2023-06-%02d %02d:%02d:00", 1 + index / 1_440 % 28, index / 60 % 24, index % 60)
      let body = index % 29 == 3 ? "第\(index)单，后台要能控制输赢" : "第\(index)条，周报记得交"
      return "\(time) \(index % 2 == 0 ? "小李(12345678)" : "老周(23456789)")\n\(body)"
    }
    func block(_ group: String, _ object: String, _ indices: [Int]) -> String {
      ([separator, "消息分组:\(group)", separator, "消息对象:\(object)", separator, ""].joined(separator: "\n") + "\n")
        + indices.map(message).joined(separator: "\n\n") + "\n\n"
    }
    var blocks = [block("我的好友", "老周", Array(0..<count)), block("我的QQ群", "项目群", Array(count..<(count + 500)))]
    blocks.insert(block("最近联系人", "老周", Array(stride(from: 0, to: count, by: 5))), at: recentFirst ? 0 : 2)
    let text = "消息记录（此消息记录为文本格式，不支持重新导入）\n\n" + blocks.joined()
    try text.write(to: root.appendingPathComponent("全部消息记录.txt"), atomically: true, encoding: .utf8)
    return temporary
  }

  @Test(arguments: [false, true])
  func piecesGiveTheFindingsOfAWholeRead(recentFirst: Bool) throws {
    let temporary = try Self.exportFolder(count: 3_000, recentFirst: recentFirst)
    defer { temporary.remove() }
    let root = temporary.url
    let lexicon = ScanPipelineTests.lexicon
    let whole = try ScanPipeline(lexicon: lexicon, subjects: ["小李"]).run(folder: root)
    let pieces = try ScanPipeline(
      lexicon: lexicon, subjects: ["小李"], streaming: StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 2_048)
    ).run(folder: root)
    #expect(whole.findings.count == 121)
    #expect(pieces.findings == whole.findings)
    #expect(pieces.documents.first?.units == whole.documents.first?.units)
    #expect(pieces.documents.first?.unitCount == 3_500)
    #expect(pieces.documents.first?.sha256 == whole.documents.first?.sha256)
    #expect(pieces.documents.first?.diagnostics.filter { $0.code != "streamed" } == whole.documents.first?.diagnostics)
    #expect(whole.documents.first?.diagnostics.map(\.code) == ["ingest.duplicate-block"])
    #expect(pieces.documents.first?.diagnostics.last?.code == "streamed")
    #expect((whole.documents.first?.units.count ?? 0) < 3_500)
  }
}
