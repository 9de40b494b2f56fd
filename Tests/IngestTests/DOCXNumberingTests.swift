import Foundation
import Testing

@testable import Ingest

/// Word automatic list numbering (`w:numPr` + `word/numbering.xml`) rebuilt into paragraph text.
@Suite struct DOCXNumberingTests {
  @Test func numberedArticlesShowTheLabelAReaderSees() throws {
    let document = try Fixture.document("docx/numbered-articles.docx")
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13])
    #expect(document.units.map(\.text) == [
      "软件开发合同", "第一条 开发内容", "一.1 需求说明", "一.2 交付验收", "第二条 价款", "二.1 首付款",
      "第三条 违约责任", "第四条 争议解决", "壹、附件清单", "第十一条 保密", "没有定义的列表", "第五条",
    ])
  }

  @Test func listLabelIsKeptAsAnAttributeAndLineStaysTheParagraphNumber() throws {
    let document = try Fixture.document("docx/numbered-articles.docx")
    let article = try #require(document.unit(at: 8))
    #expect(article.attributes["listLabel"] == "第三条")
    #expect(article.line == 8 && article.endLine == 8 && article.firstBodyLine == 8)
    #expect(document.unit(at: 1)?.attributes["listLabel"] == nil)
    #expect(document.unit(at: 12)?.attributes["listLabel"] == nil)
  }

  @Test func trackedFormatChangeDoesNotAdvanceAnotherList() throws {
    let document = try Fixture.document("docx/numbered-articles.docx")
    #expect(document.unit(at: 10)?.text == "壹、附件清单")
  }

  @Test func documentWithoutNumberingPartIsUnchanged() throws {
    let document = try Fixture.document("docx/contract.docx")
    #expect(document.units.allSatisfy { $0.attributes["listLabel"] == nil })
  }

  @Test func chineseCountingNumerals() {
    let plain = [1, 10, 11, 20, 21, 100, 105, 110, 1001, 9999].map { WordNumbering.formatted($0, format: "chineseCounting") }
    #expect(plain == ["一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十", "一千零一", "九千九百九十九"])
    #expect(WordNumbering.formatted(11, format: "chineseLegalSimplified") == "壹拾壹")
    #expect(WordNumbering.formatted(3, format: "ideographTraditional") == "丙")
    #expect(WordNumbering.formatted(28, format: "lowerLetter") == "bb")
    #expect(WordNumbering.formatted(14, format: "upperRoman") == "XIV")
    #expect(WordNumbering.formatted(7, format: "decimal") == "7")
  }
}
