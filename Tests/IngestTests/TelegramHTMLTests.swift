import Foundation
import Testing

@testable import Ingest

/// Telegram Desktop HTML export (export-formats.md §3.2).
@Suite struct TelegramHTMLTests {
  static let path = "telegram-html/messages.html"

  @Test func messagesWithSpeakersTimesAndLines() throws {
    let document = try Fixture.document(Self.path)
    #expect(document.format == .telegramHTML)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [24, 42, 57])
    #expect(document.units.allSatisfy { $0.conversation == "支付项目群" })
    let first = try #require(document.unit(at: 24))
    #expect(first.speaker == "Alice Example")
    #expect(first.text == "收款码\n今晚换 & 别外传")
    #expect(first.firstBodyLine == 38)
    #expect(first.fileLine(ofTextLine: 1) == 38)
    #expect(first.endLine == 38)
    #expect(first.time?.iso8601 == "2023-05-14T21:13:57+08:00")
    #expect(first.time?.raw == "14.05.2023 16:43:57 UTC+03:30")
  }

  @Test func joinedForwardedAndServiceMessages() throws {
    let document = try Fixture.document(Self.path)
    let joined = try #require(document.unit(at: 42))
    #expect(joined.speaker == "Alice Example")
    #expect(joined.text == "转发的内容")
    #expect(joined.attributes["forwarded"] == "true")
    #expect(joined.attributes["forwardedFrom"] == "Bob Forwarded 13.05.2023 10:00:00")
    #expect(joined.endLine == 52)
    let service = try #require(document.unit(at: 57))
    #expect(service.kind == .system)
    #expect(service.speaker == "Alice Example")
    #expect(service.text == "[service] Alice Example invited Carol")
  }

  @Test func titleWithoutOffsetUsesTheAssumedZone() {
    #expect(TelegramHTMLParser.time("14.05.2023 16:43:57", options: IngestOptions())?.iso8601 == "2023-05-14T16:43:57+08:00")
  }
}
