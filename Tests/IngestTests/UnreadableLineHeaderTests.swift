import Foundation
import Testing

@testable import Ingest

/// In the one-line-header chat exports (wechat-dump and WechatExporter TXT), a line that is an
/// attempt at a header but does not parse starts a message of unknown speaker and time with a
/// warning, instead of continuing the previous speaker's message.
@Suite struct UnreadableLineHeaderTests {
  @Test(arguments: [
    ("1|老周:2023-03-01 10:0X:40:钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("1|老周:2023-03-01 10:06:钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("1|老周:2023/03/01 10:06:40.123000:钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("1|a:b:2023-03-01 10:06:4X:钱用U结算，不走公账", "钱用U结算，不走公账"),
  ])
  func wechatDumpDamagedHeaderStartsAMessageOfUnknownSpeaker(header: String, firstLine: String) throws {
    let text = "1|小李:2023-03-01 10:05:10:在吗\n跑分接不接\n\(header)\n后台要能控制输赢\n1|小李:2023-03-01 10:07:02:好的\n"
    let document = UnreadableHeaderTests.read(text, name: "老周.txt")
    #expect(document.format == .wechatDumpTXT)
    #expect(document.units.map(\.line) == [1, 3, 5])
    #expect(document.unit(at: 1)?.text == "在吗\n跑分接不接")
    let unit = try #require(document.unit(at: 3))
    #expect(unit.kind == .message && unit.speaker == nil && unit.time == nil)
    #expect(unit.text == firstLine + "\n后台要能控制输赢" && unit.endLine == 4)
    #expect(unit.attributes["unreadableHeader"] == header && unit.attributes["wechatType"] == "1")
    #expect(document.diagnostics.map(\.code) == ["ingest.unreadable-header"])
    #expect(document.diagnostics.first?.line == 3 && document.diagnostics.first?.message.contains("lines 3–4") == true)
    #expect(document.status == .partial)
  }

  /// Continuation lines that open with numbers, bars or dates stay in their message.
  @Test(arguments: ["2023-03-01 10:06:40 到账", "100|200 两档", "1|老周 说的", "3|价格:2023年的", "12:30 开会"])
  func wechatDumpContinuationLinesStay(line: String) {
    let text = "1|小李:2023-03-01 10:05:10:先说好\n\(line)\n1|老周:2023-03-01 10:07:02:好的\n"
    let document = UnreadableHeaderTests.read(text, name: "老周.txt")
    #expect(document.units.map(\.line) == [1, 3])
    #expect(document.unit(at: 1)?.text == "先说好\n\(line)")
    #expect(document.diagnostics.isEmpty && document.status == .parsed)
  }

  @Test func wechatDumpDamagedHeadersReadInPiecesAndSievedGiveTheUnitsOfAWholeRead() throws {
    let lines = (0..<5_000).map { index in
      let time = String(format: "2023-05-%02d %02d:%02d:%02d", 1 + index / 3_600 % 28, index / 60 % 24, index % 60, index * 7 % 60)
      let stamp = index % 157 == 9 ? String(time.dropLast(3)) : time
      let body = index % 97 == 0 ? "第\(index)条，命中" : "第\(index)条，平常的话"
      return "1|\(index % 2 == 0 ? "小李" : "老周"):\(stamp):\(body)" + (index % 11 == 0 ? "\n第二行" : "")
    }
    let text = lines.joined(separator: "\n") + "\n"
    let (whole, streamed, pieces, manifest) = try SieveParity.readWholeAndInPieces(text, name: "老周.txt")
    let damaged = (0..<5_000).filter { $0 % 157 == 9 }.count
    #expect(whole.format == .wechatDumpTXT && pieces > 3)
    #expect(streamed == whole.units)
    #expect(whole.units.filter { $0.speaker == nil }.count == damaged)
    #expect(whole.diagnostics.count == damaged)
    #expect(manifest.diagnostics.filter { $0.code != "streamed" } == whole.diagnostics)
    var source = SourceText(text: text, path: "老周.txt", encoding: .utf8, options: IngestOptions())
    source.sieve = SieveParity.sieve(passing: "命中", radius: 1)
    let sieved = WechatDumpTXTParser().parse(source)
    #expect(sieved.diagnostics == whole.diagnostics)
    SieveParity.expectKept(sieved.units, whole.units, token: "命中", radius: 1)
  }

  @Test(arguments: [
    ("老周 (2023-03-01 10:0X:40):钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("老周 (2023-03-01 10:06):钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("老周 (2023/03/01 10:06:40)：钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("老周(2023-03-01 10:06:40):钱用U结算，不走公账", "钱用U结算，不走公账"),
  ])
  func wechatExporterDamagedHeaderStartsAMessageOfUnknownSpeaker(header: String, firstLine: String) throws {
    let text = """
      老周 - 微信聊天记录

      小李 (2023-03-01 10:05:10):在吗
      跑分接不接
      \(header)
      后台要能控制输赢
      "老周" 撤回了一条消息
      小李 (2023-03-01 10:07:02):好的

      """
    let document = UnreadableHeaderTests.read(text, name: "老周/index.txt")
    #expect(document.format == .wechatExporterTXT)
    #expect(document.units.map(\.line) == [3, 5, 7, 8])
    #expect(document.unit(at: 3)?.text == "在吗\n跑分接不接")
    let unit = try #require(document.unit(at: 5))
    #expect(unit.kind == .message && unit.speaker == nil && unit.time == nil)
    #expect(unit.text == firstLine + "\n后台要能控制输赢" && unit.endLine == 6)
    #expect(unit.attributes["unreadableHeader"] == header)
    #expect(document.unit(at: 7)?.kind == .system && document.unit(at: 7)?.time == nil)
    #expect(document.diagnostics.map(\.code) == ["ingest.unreadable-header"])
    #expect(document.diagnostics.first?.line == 5 && document.diagnostics.first?.message.contains("lines 5–6") == true)
    #expect(document.status == .partial)
  }

  /// Continuation lines with brackets, dates or clocks stay in their message.
  @Test(arguments: ["2023-03-01 10:06:40 到账", "(2023-03-01 10:06:40)", "见合同 (2023-03-01 签)：三万", "价格 (12:30 前):五千"])
  func wechatExporterContinuationLinesStay(line: String) {
    let text = "老周 - 微信聊天记录\n\n小李 (2023-03-01 10:05:10):先说好\n\(line)\n老周 (2023-03-01 10:07:02):好的\n"
    let document = UnreadableHeaderTests.read(text, name: "老周/index.txt")
    #expect(document.units.map(\.line) == [3, 5])
    #expect(document.unit(at: 3)?.text == "先说好\n\(line)")
    #expect(document.diagnostics.isEmpty && document.status == .parsed)
  }

  @Test(arguments: [
    ("13/6/18, 1:5X p.m. - 老周: 钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("13/6/1B, 1:55 p.m. - 老周: 钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("13/6/18, 1:5 p.m. - 老周: 钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("13.06.2O18, 13:55 - 老周: 钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("[13/6/18, 1:5?:40 PM] 老周: 钱用U结算，不走公账", "钱用U结算，不走公账"),
    ("13/6/18, 1:5X p.m. - 钱用U结算，不走公账", "钱用U结算，不走公账"),
  ])
  func whatsAppDamagedHeaderStartsAMessageOfUnknownSpeaker(header: String, firstLine: String) throws {
    let text = "13/6/18, 1:50 p.m. - 小李: 在吗\n跑分接不接\n\(header)\n后台要能控制输赢\n13/6/18, 1:57 p.m. - 小李: 好的\n"
    let document = UnreadableHeaderTests.read(text, name: "WhatsApp Chat with 老周.txt")
    #expect(document.format == .whatsAppTXT)
    #expect(document.units.map(\.line) == [1, 3, 5])
    #expect(document.unit(at: 1)?.text == "在吗\n跑分接不接")
    let unit = try #require(document.unit(at: 3))
    #expect(unit.kind == .message && unit.speaker == nil && unit.speakerID == nil && unit.time == nil)
    #expect(unit.endLine == 4 && unit.attributes["unreadableHeader"] == header)
    #expect(unit.text == firstLine + "\n后台要能控制输赢")
    #expect(document.diagnostics.map(\.code) == ["ingest.unreadable-header"])
    #expect(document.diagnostics.first?.line == 3)
    #expect(document.status == .partial)
  }

  /// Continuation lines that open with a date, a date and a clock, or a number stay in their message.
  @Test(arguments: ["13/6/18 见面再说", "12.5.2023 10.00 在银行", "2023/03/01 10:06 到账", "1:55 p.m. - 再说", "100 - 200 块", "13/6/18: 到账"])
  func whatsAppContinuationLinesStay(line: String) {
    let text = "13/6/18, 1:50 p.m. - 小李: 先说好\n\(line)\n13/6/18, 1:57 p.m. - 老周: 好的\n"
    let document = UnreadableHeaderTests.read(text, name: "WhatsApp Chat with 老周.txt")
    #expect(document.units.map(\.line) == [1, 3])
    #expect(document.unit(at: 1)?.text == "先说好\n\(line)")
    #expect(document.diagnostics.isEmpty && document.status == .parsed)
  }
}
