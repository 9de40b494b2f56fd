import Foundation
import Testing
import ZIPFoundation

@testable import Ingest

/// Word list numbering applied through paragraph styles (`w:pStyle` → `word/styles.xml`
/// `w:numPr`), rebuilt like direct numbering; the DOCX is built in the test.
@Suite struct DOCXStyleNumberingTests {
  private static let numbering = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="ArticleHeading"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ClauseHeading"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>
    """

  private static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="条标题"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="ClauseHeading"><w:name w:val="款标题"/><w:basedOn w:val="ArticleHeading"/></w:style>
      <w:style w:type="paragraph" w:styleId="BoldArticle"><w:name w:val="加粗条标题"/><w:basedOn w:val="ArticleHeading"/>
        <w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="ArticleHeading"><w:name w:val="同名字符样式"/></w:style>
    </w:styles>
    """

  private static func paragraph(_ text: String, style: String? = nil, properties: String = "") -> String {
    let styleTag = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
    return "<w:p><w:pPr>\(styleTag)\(properties)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
  }

  private static func document(_ body: [String], withStyles: Bool = true) throws -> EvidenceDocument {
    let xml = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body.joined())</w:body></w:document>
      """
    var parts: [(String, Data, CompressionMethod)] = [
      ("[Content_Types].xml", Data("<Types/>".utf8), .deflate), ("word/document.xml", Data(xml.utf8), .deflate),
      ("word/numbering.xml", Data(numbering.utf8), .deflate),
    ]
    if withStyles { parts.append(("word/styles.xml", Data(styles.utf8), .deflate)) }
    return EvidenceReader.read(data: Data(try TestZip.bytes(parts)), path: "合同.docx")
  }

  @Test func headingsNumberedThroughTheirStyleGetTheirLabels() throws {
    let document = try Self.document([
      Self.paragraph("软件开发合同"),
      Self.paragraph("开发内容", style: "ArticleHeading"),
      Self.paragraph("需求说明", style: "ClauseHeading"),
      Self.paragraph("交付验收", style: "ClauseHeading"),
      Self.paragraph("价款", style: "BoldArticle"),
      Self.paragraph("首付款", style: "ArticleHeading", properties: "<w:numPr><w:ilvl w:val=\"1\"/></w:numPr>"),
      Self.paragraph("不编号的条", style: "ArticleHeading", properties: "<w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
      Self.paragraph("违约责任", style: "ArticleHeading"),
    ])
    #expect(document.status == .parsed)
    #expect(document.units.map(\.text) == [
      "软件开发合同", "第一条 开发内容", "一.1 需求说明", "一.2 交付验收", "第二条 价款", "二.1 首付款", "不编号的条", "第三条 违约责任",
    ])
    #expect(document.units.map(\.line) == Array(1...8))
    #expect(document.unit(at: 8)?.attributes["listLabel"] == "第三条")
    #expect(document.unit(at: 7)?.attributes["listLabel"] == nil)
  }

  @Test func withoutStylesPartStyledHeadingsStayAsTyped() throws {
    let document = try Self.document([Self.paragraph("开发内容", style: "ArticleHeading")], withStyles: false)
    #expect(document.units.map(\.text) == ["开发内容"])
  }

  @Test func styleLoopsEndInsteadOfHanging() {
    var numbering = WordNumbering(Array(Self.numbering.utf8))
    numbering.readStyles(
      Array(
        """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
        <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>
        """.utf8))
    #expect(numbering.list(numID: nil, level: nil, style: "A") == nil)
    #expect(numbering.list(numID: "5", level: nil, style: "A")?.level == 0)
  }
}
