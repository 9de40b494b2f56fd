import Foundation
import Testing

@testable import Ingest

/// Excel workbooks: chat sheets and generic tables.
@Suite struct XLSXTests {
  @Test func chatSheetBecomesMessages() throws {
    let document = try Fixture.document("xlsx/chat.xlsx")
    #expect(document.format == .xlsx)
    #expect(document.status == .parsed)
    let chat = document.units.filter { $0.page == 1 }
    #expect(chat.map(\.line) == [2, 3])
    #expect(chat.allSatisfy { $0.kind == .message && $0.conversation == "聊天记录" })
    #expect(chat.map(\.text) == ["卡收到了", "第二条"])
    #expect(chat.map(\.speaker) == ["王五", "wxid_example03"])
    #expect(chat.map(\.time?.iso8601) == ["2024-12-01T12:00:00+08:00", "2024-12-01T12:00:00+08:00"])
  }

  @Test func otherSheetsAreRows() throws {
    let rows = try Fixture.document("xlsx/chat.xlsx").units.filter { $0.page == 2 }
    #expect(rows.map(\.kind) == [.row, .row])
    #expect(rows.map(\.line) == [1, 4])
    #expect(rows.map(\.text) == ["项目\t金额", "服务器\t\t3000"])
    #expect(rows.allSatisfy { $0.attributes["sheet"] == "费用" })
  }

  @Test func truncatedSheetIsPartial() throws {
    let document = try Fixture.document("xlsx/truncated.xlsx")
    #expect(document.status == .partial)
    #expect(document.units.map(\.line) == [1, 4])
    #expect(document.diagnostics.first?.line == 4)
  }

  @Test func columnLetters() {
    #expect(SpreadsheetText.columnIndex("A1") == 0)
    #expect(SpreadsheetText.columnIndex("AB12") == 27)
    #expect(SpreadsheetText.columnIndex("12") == nil)
  }
}
