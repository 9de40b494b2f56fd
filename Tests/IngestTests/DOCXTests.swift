import Foundation
import Testing

@testable import Ingest

/// DOCX (export-formats.md §7.2) and other ZIP files.
@Suite struct DOCXTests {
  @Test func paragraphsInOrderWithNumbers() throws {
    let document = try Fixture.document("docx/contract.docx")
    #expect(document.format == .docx)
    #expect(document.status == .parsed)
    #expect(document.encoding == nil)
    #expect(document.units.map(\.line) == [1, 2, 4, 5, 6, 7, 8, 9, 10])
    #expect(document.units.allSatisfy { $0.kind == .paragraph && $0.endLine == $0.line })
    #expect(document.units.map(\.text) == [
      "软件开发合同", "第一条 \t开发内容", "乙方开发支付系统&后台\n第二行", "合同总价", "人民币壹拾万元整", "甲方（盖章）", "文本框内容",
      "这条删掉，别写棋牌", "机密 · 合同编号 2024-001",
    ])
  }

  @Test func trackedChangesAndTables() throws {
    let document = try Fixture.document("docx/contract.docx")
    let changed = try #require(document.unit(at: 4))
    #expect(changed.attributes["deletedText"] == "棋牌")
    #expect(changed.fileLine(ofTextLine: 1) == 4)
    #expect(!changed.text.contains("棋牌"))
    #expect(document.unit(at: 5)?.attributes["table"] == "1")
    #expect(document.unit(at: 1)?.attributes["table"] == nil)
  }

  @Test func commentsAndHeadersAreNumberedAfterTheBody() throws {
    let document = try Fixture.document("docx/contract.docx")
    let comment = try #require(document.unit(at: 9))
    #expect(comment.attributes["part"] == "word/comments.xml")
    #expect(comment.speaker == "法务 王")
    #expect(comment.time?.iso8601 == "2024-03-01T10:00:00+08:00")
    #expect(document.unit(at: 10)?.attributes["part"] == "word/header1.xml")
    #expect(document.unit(at: 1)?.attributes["part"] == nil)
  }

  @Test func truncatedBodyKeepsEarlierParagraphs() throws {
    let document = try Fixture.document("docx/truncated-body.docx")
    #expect(document.format == .docx)
    #expect(document.status == .partial)
    #expect(document.units.map(\.line).prefix(3) == [1, 2, 4])
    #expect(document.diagnostics.first?.code == "ingest.unparsed-line")
  }

  @Test func damagedZipIsAnError() throws {
    let document = try Fixture.document("docx/damaged.docx")
    #expect(document.status == .error)
    #expect(document.reason?.hasPrefix("damaged ZIP archive") == true)
  }

  @Test func plainZipIsReportedNotRead() throws {
    let document = try Fixture.document("docx/bundle.zip")
    #expect(document.status == .unsupported)
    #expect(document.reason?.hasPrefix("archive (ZIP) with 2 entries") == true)
  }
}
