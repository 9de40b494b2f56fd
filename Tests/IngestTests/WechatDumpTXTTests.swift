import Foundation
import Testing

@testable import Ingest

/// wechat-dump (Android) TXT (export-formats.md §1.7).
@Suite struct WechatDumpTXTTests {
  @Test func typedLinesWithContinuations() throws {
    let document = try Fixture.document("wechat-dump/张三.txt")
    #expect(document.format == .wechatDumpTXT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [1, 2, 4, 6])
    #expect(document.units.map(\.endLine) == [1, 3, 5, 6])
    #expect(document.units.map(\.speaker) == ["张三", "me", "a:b", nil])
    #expect(document.units.allSatisfy { $0.conversation == "张三" })
    let transfer = try #require(document.unit(at: 2))
    #expect(transfer.kind == .transfer)
    #expect(transfer.text == "[Money Transfer]\n收到转账200.00元")
    #expect(transfer.attributes["amountFen"] == "20000")
    #expect(transfer.time?.raw == "2021-03-04 12:35:10.123000")
    #expect(document.unit(at: 4)?.text == "第一行\n第二行")
    #expect(document.unit(at: 6)?.kind == .system)
  }
}
