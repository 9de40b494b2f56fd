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

  static func sieve(radius: Int) -> UnitSieve {
    UnitSieve(radius: radius, minimumUnits: 0) {
      { body in String(decoding: body, as: UTF8.self).contains("命中") }
    }
  }

  @Test(arguments: ["\n", "\r\n"])
  func sievedReadKeepsWhatPassesAndEveryDiagnostic(lineBreak: String) {
    let text = Self.export(count: 3_000, lineBreak: lineBreak)
    let whole = Self.parse(text, sieve: nil)
    let sieved = Self.parse(text, sieve: Self.sieve(radius: 1))
    #expect(whole.diagnostics.map(\.code) == ["ingest.bad-time", "ingest.duplicate-block"])
    #expect(whole.diagnostics.last?.message.hasPrefix("600 messages of the 最近联系人 block") == true)
    #expect(sieved.diagnostics == whole.diagnostics)
    #expect(whole.units.count == 3_002)
    #expect(sieved.units.count == whole.units.count)
    let hits = Set(whole.units.indices.filter { whole.units[$0].text.contains("命中") })
    #expect(hits.count == 35)
    for index in whole.units.indices {
      if hits.contains(where: { abs($0 - index) <= 1 }) {
        #expect(sieved.units[index] == whole.units[index])
      } else {
        #expect(sieved.units[index].kind == .elided)
        #expect(sieved.units[index].line == whole.units[index].line && sieved.units[index].endLine == whole.units[index].endLine)
        #expect(sieved.units[index].conversation == whole.units[index].conversation)
      }
    }
  }

  @Test func aRecentContactMessageWithTheSameStampButOtherTextIsKept() {
    let whole = Self.parse(Self.export(count: 10), sieve: nil)
    #expect(whole.units.map(\.text).suffix(2) == ["只在最近联系人里，命中", "只在最近联系人里"])
    #expect(whole.units.filter { $0.attributes["qqGroup"] == "最近联系人" }.count == 2)
  }

  @Test(arguments: ["qq-txt/全部消息记录.txt", "qq-txt/recent-contacts.txt", "qq-txt/clock12.txt"])
  func fixturesReadWithASieveKeepWhatPasses(path: String) throws {
    let text = String(decoding: try Fixture.data(path), as: UTF8.self)
    var source = SourceText(text: text, path: path, encoding: .utf8, options: IngestOptions())
    let whole = QQMessageManagerTXTParser().parse(source)
    let token = whole.units.first { !$0.text.isEmpty }?.text.prefix(1) ?? "你"
    source.sieve = UnitSieve(radius: 0, minimumUnits: 0) {
      { body in String(decoding: body, as: UTF8.self).contains(token) }
    }
    let sieved = QQMessageManagerTXTParser().parse(source)
    #expect(sieved.diagnostics == whole.diagnostics)
    #expect(sieved.units.count == whole.units.count)
    #expect(sieved.units.contains { $0.kind == .elided })
    for (kept, reference) in zip(sieved.units, whole.units) {
      #expect(kept.line == reference.line && kept.endLine == reference.endLine)
      if kept.kind == .elided { #expect(!reference.text.contains(token)) } else { #expect(kept == reference) }
    }
  }
}
