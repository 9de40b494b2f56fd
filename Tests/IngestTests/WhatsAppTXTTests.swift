import Foundation
import Testing

@testable import Ingest

/// WhatsApp "Export chat" TXT (export-formats.md §4).
@Suite struct WhatsAppTXTTests {
  static let androidPath = "whatsapp-txt/WhatsApp Chat with Alex.txt"

  @Test func androidTwelveHourMonthFirst() throws {
    let document = try Fixture.document(Self.androidPath)
    #expect(document.format == .whatsAppTXT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [1, 2, 6, 7, 8])
    #expect(document.units.compactMap(\.time?.iso8601) == [
      "2018-03-06T13:50:00+08:00", "2018-03-06T13:55:00+08:00", "2018-03-06T13:57:00+08:00",
      "2018-03-14T11:02:00+08:00", "2018-03-14T00:10:00+08:00",
    ])
    #expect(document.units.allSatisfy { $0.conversation == "Alex" })
  }

  @Test func continuationLinesAndSystemNotices() throws {
    let document = try Fixture.document(Self.androidPath)
    let notice = try #require(document.unit(at: 1))
    #expect(notice.kind == .system)
    #expect(notice.speaker == nil)
    let message = try #require(document.unit(at: 2))
    #expect(message.speaker == "Alex")
    #expect(message.endLine == 5)
    #expect(message.text == "hi, can you build the payment backend?\nit must hide the real merchant\n\nand rotate accounts")
    let phone = try #require(document.unit(at: 6))
    #expect(phone.speaker == "+86 138 0000 0000")
    #expect(phone.speakerID == "+8613800000000")
    #expect(document.unit(at: 7)?.text == "price: 20k")
    #expect(document.unit(at: 8)?.kind == .system)
    #expect(document.unit(at: 7)?.time?.raw == "3/14/18, 11:02\u{202F}a.m.")
  }

  @Test func iOSChineseClockAndMarks() throws {
    let document = try Fixture.document("whatsapp-txt/老王/_chat.txt")
    #expect(document.format == .whatsAppTXT)
    #expect(document.units.map(\.speaker) == ["老王", "我", "老王", "老王"])
    #expect(document.units.compactMap(\.time?.iso8601) == [
      "2024-01-05T14:30:15+08:00", "2024-01-05T14:31:00+08:00", "2024-01-06T09:05:00+08:00",
      "2024-01-06T00:30:00+08:00",
    ])
    #expect(document.units.allSatisfy { $0.conversation == "老王" })
    #expect(document.unit(at: 1)?.text == "卡我这边有二十张")
  }

  @Test func ambiguousOrderIsAssumedAndSaid() throws {
    let document = try Fixture.document("whatsapp-txt/ambiguous.txt")
    #expect(document.format == .whatsAppTXT)
    #expect(document.status == .partial)
    #expect(document.unit(at: 2)?.time?.iso8601 == "2020-02-01T10:00:00+08:00")
    #expect(document.diagnostics.map(\.code) == ["ingest.unparsed-line", "ingest.assumed-date-order"])
    #expect(document.diagnostics.last?.severity == .note)
  }

  @Test(arguments: [
    "03-06-2018, 01.55 PM - a: m", "13.06.18 21.25.15: a: m", "[06.13.18 21:25:15] a: m",
    "13.6.2018 klo 21.25.15 - a: m", "13. 6. 2018. 21:25:15 - a: m", "[3/6/18 1:55:00 p. m.] a: m",
    "[2018/06/13, 21:25:15] a: m", "2024/01/05 14:30 - a: m", "\u{200E}[15-01-20 02:22:56] a: m",
  ])
  func headerShapes(line: String) {
    #expect(WhatsAppHeader.parse(Substring(line))?.rest == "a: m")
  }

  @Test func otherChatHeadersAreNotWhatsApp() {
    #expect(WhatsAppHeader.parse("2016-01-01 12:00:00 老王(12345678)") == nil)
    #expect(WhatsAppHeader.parse("2023-05-01 21:40:12 张三") == nil)
  }
}
