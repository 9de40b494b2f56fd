import Foundation
import Testing

@testable import Ingest

/// Saved web pages and generic HTML: visible text by block, exact source lines.
@Suite struct HTMLTests {
  @Test func visibleBlocksWithTheirLines() throws {
    let document = try Fixture.document("html/saved-page.html")
    #expect(document.format == .html)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.text) == [
      "某某科技 - 跑分平台定制", "接单说明", "我们提供 支付通道搭建 & 代收代付， 支持自动切换收款码。", "联系人：王经理\n电话见下表", "项目\t价格",
      "通道搭建\t￥30,000", "最后一段",
    ])
    #expect(document.units.map(\.line) == [5, 11, 12, 16, 18, 19, 22])
    #expect(document.units.map(\.endLine) == [5, 11, 14, 16, 18, 20, 22])
    #expect(document.units.map(\.kind) == [.paragraph, .paragraph, .paragraph, .paragraph, .row, .row, .paragraph])
    #expect(document.units[3].textLines == [16, 16])
    #expect(document.units[3].fileLine(ofTextLine: 1) == 16)
    #expect(document.units[2].textLines == nil)
  }

  @Test func scriptsStylesCommentsAndNoscriptAreNotText() throws {
    let all = try Fixture.document("html/saved-page.html").units.map(\.text).joined()
    #expect(!all.contains("不是正文"))
    #expect(!all.contains("color"))
    #expect(!all.contains("后台控制"))
    #expect(!all.contains("请启用脚本"))
  }

  @Test func sloppyMarkup() {
    let blocks = HTMLBlockCollector.collect("<p>a < b\n<p>unclosed <!-- never closed")
    #expect(blocks.map(\.text) == ["a < b", "unclosed"])
    #expect(blocks.map(\.line) == [1, 2])
  }
}
