import Foundation
import Testing

@testable import Ingest

/// Damaged frames of one-line chat headers: a wechat-dump line whose type code or bar is damaged,
/// a WhatsApp line whose ` - ` or `]` is, starts a message of unknown speaker and time with a
/// warning; continuation lines that open with a date stay in their message.
@Suite struct DamagedHeaderFrameTests {
  static let words = "钱用U结算，不走公账"

  /// Expects line 3 of `document` to open a message of unknown speaker and time, from `header`
  /// through line 4, whose text is `words` and line 4, with one warning for it.
  static func expectUnreadable(_ document: EvidenceDocument, header: String) throws {
    #expect(document.units.map(\.line) == [1, 3, 5])
    #expect(document.unit(at: 1)?.text.hasSuffix("跑分接不接") == true)
    let unit = try #require(document.unit(at: 3))
    #expect(unit.kind == .message && unit.speaker == nil && unit.speakerID == nil && unit.time == nil)
    #expect(unit.text == Self.words + "\n后台要能控制输赢" && unit.endLine == 4)
    #expect(unit.attributes["unreadableHeader"] == header)
    #expect(document.diagnostics.map(\.code) == ["ingest.unreadable-header"])
    #expect(document.diagnostics.first?.line == 3 && document.diagnostics.first?.message.contains("lines 3–4") == true)
    #expect(document.status == .partial)
  }

  @Test(arguments: [
    "1X|老周:2023-03-01 10:06:40:", "|老周:2023-03-01 10:06:40:", "?|老周:2023-03-01 10:06:40:", "l|老周:2023-03-01 10:06:40:",
    "1｜老周:2023-03-01 10:06:40:", "1!老周:2023-03-01 10:06:40:", "1老周:2023-03-01 10:06:40.123000:",
    "1 |老周:2023-03-01 10:06:40:", "1X|a:b:2023-03-01 10:06:40:",
  ])
  func wechatDumpDamagedTypeCodeStartsAMessageOfUnknownSpeaker(frame: String) throws {
    let header = frame + Self.words
    let text = "1|小李:2023-03-01 10:05:10:在吗\n跑分接不接\n\(header)\n后台要能控制输赢\n1|小李:2023-03-01 10:07:02:好的\n"
    let document = UnreadableHeaderTests.read(text, name: "老周.txt")
    #expect(document.format == .wechatDumpTXT)
    try Self.expectUnreadable(document, header: header)
    #expect(document.unit(at: 3)?.attributes["wechatType"] == nil)
  }

  /// Continuation lines that open with a date, a number or a bar, or hold a time without the
  /// header's `:` after it, stay in their message.
  @Test(arguments: [
    "2023-03-01 10:06:40 到账", "2023-03-01 10:06:40:到账", "1笔到账:2023-03-01 10:06:40", "3个人:2023-03-01 10:00 见面",
    "收款时间:2023-03-01 10:06:40:完成", "2023-03-01 10:06:40 | 到账", "100|200 两档", "12:30 开会", "|备注|金额|",
  ])
  func wechatDumpContinuationLinesStay(line: String) {
    let text = "1|小李:2023-03-01 10:05:10:先说好\n\(line)\n1|老周:2023-03-01 10:07:02:好的\n"
    let document = UnreadableHeaderTests.read(text, name: "老周.txt")
    #expect(document.units.map(\.line) == [1, 3])
    #expect(document.unit(at: 1)?.text == "先说好\n\(line)")
    #expect(document.diagnostics.isEmpty && document.status == .parsed)
  }

  @Test(arguments: [
    "13/6/18, 1:55 p.m. – 老周: ", "13/6/18, 1:55 p.m. — 老周: ", "13/6/18, 1:55 p.m.- 老周: ", "13/6/18, 1:55 p.m. -老周: ",
    "13/6/18, 1:55 p.m.-老周: ", "13/6/18, 1:55 p.m. _ 老周: ", "13/6/18, 1:55 p.m. 老周: ", "13/6/18, 1:55 p.m. -- 老周: ",
    "[13/6/18, 1:55:40 PM 老周: ", "[13/6/18, 1:55:40 PM]老周: ", "[13/6/18, 1:55:40 PM) 老周: ", "[13/6/18, 1:55:40 PM】 老周: ",
    "13/6/18, 1:55:40 PM] 老周: ", "\u{200E}[13/6/18, 1:55:40 PM 老周: ",
  ])
  func whatsAppDamagedDelimiterStartsAMessageOfUnknownSpeaker(frame: String) throws {
    let header = frame + Self.words
    let text = "13/6/18, 1:50 p.m. - 小李: 在吗\n跑分接不接\n\(header)\n后台要能控制输赢\n13/6/18, 1:57 p.m. - 小李: 好的\n"
    let document = UnreadableHeaderTests.read(text, name: "WhatsApp Chat with 老周.txt")
    #expect(document.format == .whatsAppTXT)
    try Self.expectUnreadable(document, header: header)
  }

  /// Continuation lines that open with a date and a clock but no sender's frame stay.
  @Test(arguments: [
    "2023/03/01 10:06 到账: 五千", "2023/03/01 10:06-10:30 开会", "2023/03/01 10:06 — 到了", "13/6/18, 10:00 ~ 11:00 开会: 小李主持",
    "13/6/18 1:55 p.m. 见面: 带钱", "[13/6/18] 见面再说", "13/6/18, 1:55 p.m. 见面再说", "[13/6/18, 1:55 PM 见面再说",
  ])
  func whatsAppContinuationLinesStay(line: String) {
    let text = "13/6/18, 1:50 p.m. - 小李: 先说好\n\(line)\n13/6/18, 1:57 p.m. - 老周: 好的\n"
    let document = UnreadableHeaderTests.read(text, name: "WhatsApp Chat with 老周.txt")
    #expect(document.units.map(\.line) == [1, 3])
    #expect(document.unit(at: 1)?.text == "先说好\n\(line)")
    #expect(document.diagnostics.isEmpty && document.status == .parsed)
  }
}
