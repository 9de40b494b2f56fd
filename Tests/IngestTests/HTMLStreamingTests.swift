import Foundation
import Testing

@testable import Ingest

/// Saved web pages read through libxml2's streaming HTML parser: lines past 65,535, hidden text,
/// single-line pages, broken markup, long text pieces, references and declared encodings.
@Suite struct HTMLStreamingTests {
  static func read(_ html: String, path: String = "page.html") -> EvidenceDocument {
    EvidenceReader.read(data: Data(html.utf8), path: path)
  }

  @Test func textPastLine70000IsCitedAtItsLine() {
    var html = "<!DOCTYPE html>\n<html><head><title>长页面</title></head>\n<body>\n"
    html += String(repeating: "<!-- 填充 -->\n", count: 65_533)  // lines 4...65,536
    html += "<p>第65537行的话</p>\n"  // 65,537: 1 in a 16-bit line field
    html += String(repeating: "\n", count: 4_462)  // 65,538...69,999
    html += "<div>七万行：\n跑分\n通道</div>\n"  // 70,000...70,002
    html += "<table><tr><td>卡号</td>\n<td>一百张</td></tr></table>\n"  // 70,003...70,004
    html += "<p>第一行<br>\n\n第二行</p>\n</body></html>\n"  // 70,005...70,007
    let document = Self.read(html)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.text) == ["长页面", "第65537行的话", "七万行： 跑分 通道", "卡号\t一百张", "第一行\n第二行"])
    #expect(document.units.map(\.line) == [2, 65_537, 70_000, 70_003, 70_005])
    #expect(document.units.map(\.endLine) == [2, 65_537, 70_002, 70_004, 70_007])
    #expect(document.units[4].textLines == [70_005, 70_007])
  }

  @Test func scriptStyleCommentsAndHiddenElementsNeverBecomeText() {
    let html = """
      <html><head>
      <style type="text/css">body::after { content: "样式里的字"; }</style>
      <SCRIPT>document.write("<p>脚本里的字</p>"); if (a < b && c > d) { x = '</div>'; }</SCRIPT>
      </head><body>
      <!-- 注释里的字 <p>也不是</p> -->
      <p>正文一</p>
      <noscript><p>无脚本提示</p></noscript>
      <template><p>模板里的字</p></template>
      <p>正文二<!-- 行内注释 -->接着</p>
      <script>var tail = "未闭合脚本里的字";
      """
    let document = Self.read(html)
    #expect(document.units.map(\.text) == ["正文一", "正文二接着"])
    #expect(document.units.map(\.line) == [6, 9])
  }

  @Test func singleLinePageIsReadWholeWithALongLineWarning() {
    let message = "<div class=\"msg\"><span class=\"time\">2023-05-01 10:00:00</span> <span>老周</span><p>发票已经开好了</p></div>"
    let count = 12_000
    let html = "<!DOCTYPE html><html><body>" + String(repeating: message, count: count) + "</body></html>"
    #expect(html.utf8.count > HTMLParser.longLineBytes)
    let document = Self.read(html)
    #expect(document.format == .html)
    #expect(document.status == .partial)
    #expect(document.units.count == count * 2)
    #expect(document.units.allSatisfy { $0.line == 1 && $0.endLine == 1 })
    #expect(document.units.prefix(2).map(\.text) == ["2023-05-01 10:00:00 老周", "发票已经开好了"])
    let warning = document.diagnostics.first { $0.code == "ingest.long-line" }
    #expect(warning?.line == 1)
    #expect(warning?.message.contains("\(html.utf8.count) bytes") == true)
    #expect(document.reason?.contains("cannot point closer than that line") == true)
  }

  @Test func singleLineTextWithoutTagsAfterTheStart() {
    let words = String(repeating: "聊天记录删掉，", count: 60_000)
    let document = Self.read("<html><body><p>" + words)
    #expect(document.units.count == 1)
    #expect(document.units.first?.text == words)
    #expect(document.units.first?.line == 1)
  }

  @Test func brokenMarkupRecovers() {
    let html = """
      <html><body>
      <div>没闭合的div
      <p>段落 <b>粗体没闭合
      <p>第二段</td> stray
      <table><tr><td>甲<td>乙</tr>
      <tr><td>丙</td></td><td>丁
      </table>
      <p>a < b &amp; c &lt;d&gt; &nbsp; e &#x4E2D;&#25991;
      <p>unclosed <!-- never closed
      """
    let document = Self.read(html)
    #expect(document.units.map(\.text) == ["没闭合的div", "段落 粗体没闭合", "第二段 stray", "甲\t乙", "丙\t丁", "a < b & c <d> e 中文", "unclosed"])
    #expect(document.units.map(\.line) == [2, 3, 4, 5, 6, 8, 9])
    #expect(document.units.map(\.kind) == [.paragraph, .paragraph, .paragraph, .row, .row, .paragraph, .paragraph])
  }

  @Test func pathologicalMarkupIsReadToTheEnd() {
    let deep = Self.read("<html><body>\n" + String(repeating: "<div>", count: 50_000) + "深处\n<p>后面</p></body></html>")
    #expect(deep.units.map(\.text) == ["深处", "后面"])
    #expect(deep.units.map(\.line) == [2, 3])
    let attribute = Self.read("<html><body>\n<p title=\"" + String(repeating: "a", count: 2_000_000) + "\">属性后</p>\n<p>再后面</p>")
    #expect(attribute.units.map(\.text) == ["属性后", "再后面"])
    #expect(attribute.units.map(\.line) == [2, 3])
    #expect(attribute.diagnostics.map(\.code) == ["ingest.long-line"])
    #expect(attribute.diagnostics.first?.message.contains("holds 1 text block;") == true)
    let comment = Self.read("<html><body>\n<!--" + String(repeating: "注\n", count: 100_000) + "-->\n<p>注释后</p>")
    #expect(comment.units.map(\.text) == ["注释后"])
    #expect(comment.units.map(\.line) == [100_003])
    #expect(comment.status == .parsed)
  }

  @Test func referencesAreDecodedOnce() {
    let document = Self.read("<html><body><p>&amp;lt; 不是标签 &quot;引号&quot;&#12288;全角空格</p></body></html>")
    #expect(document.units.map(\.text) == ["&lt; 不是标签 \"引号\" 全角空格"])
  }

  /// Text pieces of 1,000 bytes and more, with line breaks at every offset around the piece
  /// boundary: every line of text is cited where its first character stands.
  @Test func longTextPiecesKeepExactLines() throws {
    var html = "<html><body>\n<p>"
    var line = 2
    var expected: [(text: String, line: Int)] = []
    for index in 0..<60 {
      let token = "L\(index):"
      let filler = String(repeating: "x", count: 940 + index)
      html += "\(token)\(filler)\n\(String(repeating: "y", count: index * 7))<br>\n"
      expected.append((token, line))
      line += 2
    }
    html += "</p></body></html>\n"
    let document = Self.read(html)
    let unit = try #require(document.units.first)
    let texts = unit.text.split(separator: "\n").map(String.init)
    #expect(texts.count == expected.count)
    for (offset, entry) in expected.enumerated() where offset < texts.count {
      #expect(texts[offset].hasPrefix(entry.text))
      #expect(unit.fileLine(ofTextLine: offset) == entry.line, "text line \(offset)")
    }
  }

  @Test func declaredEncodingDoesNotUndoTheReadersDecoding() throws {
    let gbk = try Fixture.document("html/gbk-meta.html")
    #expect(gbk.encoding == "gb18030")
    #expect(gbk.units.map(\.text) == ["报价单", "支付通道搭建，报价三万元", "联系人：李经理"])
    #expect(gbk.units.map(\.line) == [5, 8, 9])
    let utf8 = try Fixture.document("html/utf8-says-gb2312.html")
    #expect(utf8.encoding == "utf-8")
    #expect(utf8.units.map(\.text) == ["报价单（UTF-8 存盘）", "支付通道搭建，报价三万元", "联系人：李经理"])
  }

  @Test func crlfAndLoneCRLinesAreCountedLikeTheReader() {
    let crlf = Self.read("<html><body>\r\n<p>一</p>\r\n\r\n<p>二\r\n三</p>\r\n</body></html>")
    #expect(crlf.units.map(\.line) == [2, 4])
    #expect(crlf.units.map(\.endLine) == [2, 5])
    let cr = Self.read("<html><body>\r<p>一</p>\r\r<p>二</p></body></html>")
    #expect(cr.units.map(\.line) == [2, 4])
  }
}
