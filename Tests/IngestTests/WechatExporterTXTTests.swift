import Foundation
import Testing

@testable import Ingest

/// WechatExporter (iOS backup) TXT (export-formats.md §1.6).
@Suite struct WechatExporterTXTTests {
  static let path = "wechatexporter/张三/index.txt"

  @Test func messagesTransfersAndNotices() throws {
    let document = try Fixture.document(Self.path)
    #expect(document.format == .wechatExporterTXT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [3, 4, 6, 7])
    #expect(document.units.allSatisfy { $0.conversation == "张三" })
    let first = try #require(document.unit(at: 3))
    #expect(first.speaker == "张三")
    #expect(first.text == "在吗")
    #expect(first.time?.iso8601 == "2021-03-04T12:34:56+08:00")
    let transfer = try #require(document.unit(at: 4))
    #expect(transfer.kind == .transfer)
    #expect(transfer.endLine == 5)
    #expect(transfer.attributes["amountFen"] == "20000")
    #expect(transfer.attributes["memo"] == "房租")
    let notice = try #require(document.unit(at: 6))
    #expect(notice.kind == .system)
    #expect(notice.time?.iso8601 == "2021-03-04T12:35:10+08:00")
  }

  @Test func nameWithParenthesesAndMultiLineBody() throws {
    let message = try #require(try Fixture.document(Self.path).unit(at: 7))
    #expect(message.speaker == "A (B)")
    #expect(message.text == "第一行\n第二行\n\n第四行")
    #expect(message.endLine == 10)
  }
}
