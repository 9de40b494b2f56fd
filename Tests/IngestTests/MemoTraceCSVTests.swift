import Foundation
import Testing

@testable import Ingest

/// MemoTrace v1 and v2 CSV (export-formats.md §1.2, §1.3).
@Suite struct MemoTraceCSVTests {
  static let v1Path = "wechat-memotrace-csv/张三_utf8.csv"

  @Test func v1RecordsAndLines() throws {
    let document = try Fixture.document(Self.v1Path)
    #expect(document.format == .wechatMemoTraceCSV)
    #expect(document.encoding == "utf-8-bom")
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [2, 3, 7, 8, 9, 10, 11])
    let first = try #require(document.unit(at: 2))
    #expect(first.text == "在吗")
    #expect(first.speaker == "张三")
    #expect(first.conversation == "张三")
    #expect(first.time?.iso8601 == "2023-05-01T21:40:12+08:00")
    #expect(first.time?.raw == "2023-05-01 21:40:12")
  }

  @Test func v1EmbeddedNewlinesAndQuotes() throws {
    let message = try #require(try Fixture.document(Self.v1Path).unit(at: 3))
    #expect(message.endLine == 6)
    #expect(message.firstBodyLine == 3)
    #expect(message.text == "能做\n要\"控制输赢\"的那种\n\n价格另谈")
    #expect(message.speaker == "我")
    #expect(message.attributes["isSender"] == "1")
  }

  @Test func v1XMLContent() throws {
    let document = try Fixture.document(Self.v1Path)
    let image = try #require(document.unit(at: 7))
    #expect(image.text == "[图片]")
    #expect(image.attributes["extracted"] == "placeholder")
    let transfer = try #require(document.unit(at: 8))
    #expect(transfer.kind == .transfer)
    #expect(transfer.attributes["amountFen"] == "200000")
    #expect(transfer.attributes["transferState"] == "发起转账")
    #expect(transfer.text == "开发定金")
    let notice = try #require(document.unit(at: 9))
    #expect(notice.kind == .system)
    #expect(notice.speaker == nil)
    let quote = try #require(document.unit(at: 10))
    #expect(quote.text == "这个后台什么时候好")
    #expect(quote.attributes["quoteSpeaker"] == "张三")
    #expect(quote.attributes["quoteText"] == "能做")
    let named = try #require(document.unit(at: 11))
    #expect(named.speaker == "老张")
    #expect(named.speakerID == "wxid_example02")
  }

  @Test func v2Records() throws {
    let document = try Fixture.document("wechat-memotrace-csv/王五.csv")
    #expect(document.format == .wechatMemoTraceV2CSV)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [2, 3, 6])
    let transfer = try #require(document.unit(at: 3))
    #expect(transfer.kind == .transfer)
    #expect(transfer.endLine == 5)
    #expect(transfer.attributes["amountFen"] == "30000")
    #expect(transfer.attributes["memo"] == "服务器费用")
    #expect(transfer.speaker == "王五")
    #expect(transfer.speakerID == "wxid_example03")
    #expect(document.unit(at: 6)?.kind == .system)
  }

  @Test func truncatedFileIsPartial() throws {
    let document = try Fixture.document("wechat-memotrace-csv/truncated_utf8.csv")
    #expect(document.format == .wechatMemoTraceCSV)
    #expect(document.status == .partial)
    #expect(document.units.map(\.line) == [2])
    #expect(document.diagnostics.map(\.line) == [3, 4])
    #expect(document.diagnostics.allSatisfy { $0.code == "ingest.unparsed-line" })
  }
}
