import Foundation
import Testing

@testable import Ingest

/// Chat tables in CSV from other exporters.
@Suite struct ChatTableCSVTests {
  @Test func pyWxDump() throws {
    let document = try Fixture.document("csv-chat/pywxdump.csv")
    #expect(document.format == .chatTableCSV)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [2, 3, 5, 8, 9])
    #expect(document.units.map(\.endLine) == [2, 4, 7, 8, 9])
    #expect(document.units.map(\.speaker) == ["wxid_example04", "wxid_example05", "wxid_example04", nil, "wxid_example05"])
    #expect(document.units.map(\.conversation) == ["老赵", "老赵", "老赵", "老赵", "老赵"])
    #expect(document.units.map(\.kind) == [.message, .message, .transfer, .system, .message])
    #expect(document.units[1].text == "收到\n明早对接")
    #expect(document.units[1].time?.iso8601 == "2023-06-01T20:01:30+08:00")
  }

  @Test func pyWxDumpTransfersRecallsAndMediaAreToldApart() throws {
    let units = try Fixture.document("csv-chat/pywxdump.csv").units
    #expect(units[2].attributes["transferState"] == "转账")
    #expect(units[2].attributes["amountFen"] == "300000")
    #expect(units[2].attributes["memo"] == "接口开发首款")
    #expect(units[3].attributes["typeName"] == "消息撤回1")
    #expect(units[4].attributes["media"] == "image")
    #expect(units[4].attributes["file"] == "FileStorage/Image/2023-06/demo.dat")
    #expect(units[0].attributes == ["typeName": "文本"])
  }

  @Test func chatlogWithOffsets() throws {
    let document = try Fixture.document("csv-chat/chatlog.csv")
    #expect(document.format == .chatTableCSV)
    #expect(document.units.map(\.speaker) == ["小周", "wxid_example07"])
    #expect(document.units.map(\.conversation) == ["项目群", "项目群"])
    #expect(document.units.map(\.time?.iso8601) == ["2025-01-01T12:00:00+08:00", "2025-01-01T20:00:05+08:00"])
  }

  @Test func timeCells() {
    let options = IngestOptions()
    #expect(ChatTableColumns.time("1700000000", options: options)?.iso8601 == "2023-11-15T06:13:20+08:00")
    #expect(ChatTableColumns.time("2024-12-01 12:00:00", options: options)?.iso8601 == "2024-12-01T12:00:00+08:00")
    #expect(ChatTableColumns.time("昨天", options: options) == nil)
  }
}
