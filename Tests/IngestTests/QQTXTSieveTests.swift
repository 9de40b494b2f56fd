import Foundation
import Testing

@testable import Ingest

/// QQ message-manager TXT takes the unit sieve: messages no rule can use become elided units, the
/// others and every diagnostic (bad times, the 最近联系人 repeats) are those of a whole read.
@Suite struct QQTXTSieveTests {
  /// An "export all" file: a 我的好友 block with `count` messages to 老王 (every 89th holds 命中,
  /// one has a bad date) and a 最近联系人 block repeating every 5th of them and adding two.
  static func export(count: Int, lineBreak: String = "\n") -> String {
    let separator = String(repeating: "=", count: 64)
    func message(_ index: Int) -> String {
      let time = index == 1_234 ? "2016-13-01 00:00:00" : String(format: "2016-02-%02d %02d:%02d:%02d", 1 + index / 86_400, index / 3_600 % 24, index / 60 % 60, index % 60)
      let sender = index % 2 == 0 ? "老王(12345678)" : "我的小号<someone@example.com>"
      let body = index % 89 == 0 ? "第\(index)条，命中" : index % 50 == 7 ? "第\(index)条\(lineBreak)第二行" : "第\(index)条，平常的话"
      return time + " " + sender + lineBreak + body
    }
    var blocks = [
      [separator, "消息分组:我的好友", separator, "消息对象:老王", separator, ""].joined(separator: lineBreak),
      (0..<count).map(message).joined(separator: lineBreak + lineBreak),
      [separator, "消息分组:最近联系人", separator, "消息对象:老王", separator, ""].joined(separator: lineBreak),
    ]
    blocks.append(
      (stride(from: 0, to: count, by: 5).map(message) + ["2016-03-01 10:00:00 老王(12345678)\(lineBreak)只在最近联系人里，命中", "2016-03-01 10:00:01 老王(12345678)\(lineBreak)只在最近联系人里"])
        .joined(separator: lineBreak + lineBreak))
    return "消息记录（此消息记录为文本格式，不支持重新导入）" + lineBreak + lineBreak + blocks.joined(separator: lineBreak + lineBreak) + lineBreak
  }

  static func parse(_ text: String, sieve: UnitSieve?) -> ParseOutcome {
    var source = SourceText(text: text, path: "全部消息记录.txt", encoding: .utf8, options: IngestOptions())
    source.sieve = sieve
    return QQMessageManagerTXTParser().parse(source)
  }

  @Test(arguments: ["\n", "\r\n"])
  func sievedReadKeepsWhatPassesAndEveryDiagnostic(lineBreak: String) {
    let text = Self.export(count: 3_000, lineBreak: lineBreak)
    let whole = Self.parse(text, sieve: nil)
    let sieved = Self.parse(text, sieve: SieveParity.sieve(passing: "命中", radius: 1))
    #expect(whole.diagnostics.map(\.code) == ["ingest.bad-time", "ingest.duplicate-block"])
    #expect(whole.diagnostics.last?.message.hasPrefix("600 messages of the 最近联系人 block") == true)
    #expect(sieved.diagnostics == whole.diagnostics)
    #expect(whole.units.count == 3_002)
    #expect(SieveParity.expectKept(sieved.units, whole.units, token: "命中", radius: 1).count == 35)
  }

  @Test func aRecentContactMessageWithTheSameStampButOtherTextIsKept() {
    let whole = Self.parse(Self.export(count: 10), sieve: nil)
    #expect(whole.units.map(\.text).suffix(2) == ["只在最近联系人里，命中", "只在最近联系人里"])
    #expect(whole.units.filter { $0.attributes["qqGroup"] == "最近联系人" }.count == 2)
  }
}
