import Foundation
import Testing

@testable import Ingest

/// MemoTrace HTML with the `const chatMessages = [` array (export-formats.md §1.2, §1.3).
@Suite struct MemoTraceHTMLTests {
  static let v1Path = "wechat-memotrace-html/张三.html"

  @Test func v1ObjectLiterals() throws {
    let document = try Fixture.document(Self.v1Path)
    #expect(document.format == .wechatMemoTraceHTML)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [8, 9, 10, 11, 12, 13])
    let first = try #require(document.unit(at: 8))
    #expect(first.text == "在吗")
    #expect(first.speaker == "张三")
    #expect(first.conversation == "张三")
    #expect(first.time?.iso8601 == "2023-05-01T21:40:12+08:00")
    #expect(document.unit(at: 9)?.text == "能做\n价格<另谈>")
    #expect(document.unit(at: 9)?.attributes["isSender"] == "1")
  }

  @Test func v1TransferSystemMediaAndEscapes() throws {
    let document = try Fixture.document(Self.v1Path)
    let transfer = try #require(document.unit(at: 10))
    #expect(transfer.kind == .transfer)
    #expect(transfer.attributes["amountFen"] == "200000")
    #expect(transfer.attributes["memo"] == "开发定金")
    let notice = try #require(document.unit(at: 11))
    #expect(notice.kind == .system)
    #expect(notice.text == "\"张三\" 撤回了一条消息")
    #expect(notice.speaker == nil)
    #expect(document.unit(at: 12)?.attributes["media"] == "image")
    #expect(document.unit(at: 13)?.text == "It's done")
    #expect(document.unit(at: 13)?.speaker == "A&B 'x'")
  }

  @Test func v2JSONTruncated() throws {
    let document = try Fixture.document("wechat-memotrace-html/王五.html")
    #expect(document.format == .wechatMemoTraceHTML)
    #expect(document.status == .partial)
    #expect(document.units.count == 1)
    let first = try #require(document.units.first)
    #expect(first.line == 6)
    #expect(first.endLine == 12)
    #expect(first.firstBodyLine == 11)
    #expect(first.speaker == "王五")
    #expect(first.attributes["isSender"] == "0")
    #expect(document.diagnostics.first?.line == 18)
  }

  @Test func javaScriptLiteralReader() throws {
    let text = "x\nvar a = /* c */ [{k:'v\\'s', \"q\": 1,},\n// note\n 'two',];"
    let (root, error) = try #require(LineTrackingJSON.parseJavaScript(text, after: "var a = "))
    #expect(error == nil)
    let array = try #require(root)
    #expect(array.line == 2)
    #expect(array.elements.count == 2)
    #expect(array.elements[0]["k"]?.string == "v's")
    #expect(array.elements[1].line == 4)
    #expect(LineTrackingJSON.parseJavaScript(text, after: "missing") == nil)
  }
}
