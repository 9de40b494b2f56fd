import Foundation
import Testing

@testable import Ingest

/// QQ message-manager MHT (export-formats.md §2.2).
@Suite struct QQMHTTests {
  static let path = "qq-mht/老王.mht"

  @Test func messagesFromTheHTMLPart() throws {
    let document = try Fixture.document(Self.path)
    #expect(document.format == .qqMHT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [19, 20, 21])
    #expect(document.units.allSatisfy { $0.conversation == "老王" && $0.attributes["qqGroup"] == "我的好友" })
    let first = try #require(document.unit(at: 19))
    #expect(first.speaker == "老王")
    #expect(first.speakerID == "12345678")
    #expect(first.text == "卡的事情\n明天说 & 别在这里讲")
    #expect(first.time?.iso8601 == "2012-04-11T12:34:43+08:00")
    #expect(first.textLines == [19, 19])
  }

  @Test func emailSenderImagesAndBodyOnTheNextLine() throws {
    let document = try Fixture.document(Self.path)
    let image = try #require(document.unit(at: 20))
    #expect(image.speaker == "我的号")
    #expect(image.speakerID == "me@example.com")
    #expect(image.text == "")
    #expect(image.attributes["images"] == "1")
    let late = try #require(document.unit(at: 21))
    #expect(late.endLine == 22)
    #expect(late.firstBodyLine == 22)
    #expect(late.text == "第二天")
    #expect(late.time?.iso8601 == "2012-04-11T13:02:03+08:00")
  }

  @Test func dates() {
    #expect(QQMHTParser.date("2012/4/11").map { [$0.year, $0.month, $0.day] } == [2012, 4, 11])
    #expect(QQMHTParser.date("4/11/2012").map { [$0.year, $0.month, $0.day] } == [2012, 4, 11])
    #expect(QQMHTParser.date("2012-04-11").map { [$0.year, $0.month, $0.day] } == [2012, 4, 11])
    #expect(QQMHTParser.date("昨天") == nil)
  }

  @Test func mimeStructure() throws {
    let source = SourceText(
      text: try String(contentsOf: Fixture.root.appendingPathComponent(Self.path), encoding: .utf8), path: Self.path,
      encoding: .utf8, options: IngestOptions())
    let message = MIMEPart.parse(source, lines: 1...source.lines.count)
    #expect(message.mediaType == "multipart/related")
    #expect(message.parts.map(\.mediaType) == ["text/html", "image/jpeg"])
    #expect(message.parts.first?.body?.lowerBound == 13)
    #expect(message.parts.last?.headers["content-location"] == "{3D48C238-CD47-4d17-9C8F-3593C6D4738B}.dat")
  }
}
