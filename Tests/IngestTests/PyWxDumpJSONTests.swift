import Foundation
import Testing

@testable import Ingest

/// PyWxDump JSON list and HTML-export `data.js` (export-formats.md §1.4).
@Suite struct PyWxDumpJSONTests {
  @Test func privateChatRowsSpanTheirObjects() throws {
    let document = try Fixture.document("pywxdump-json/wxid_demo_peer01_0_5.json")
    #expect(document.format == .wechatPyWxDumpJSON)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [2, 14, 26, 38, 50])
    #expect(document.units.map(\.endLine) == [13, 25, 37, 49, 61])
    let first = try #require(document.unit(at: 2))
    #expect(first.kind == .message)
    #expect(first.text == "卡给你了，明天开始走流水")
    #expect(first.firstBodyLine == 9)
    #expect(first.speaker == "wxid_demo_peer01")
    #expect(first.speakerID == "wxid_demo_peer01")
    #expect(first.conversation == "wxid_demo_peer01")
    #expect(first.time?.iso8601 == "2024-03-05T21:14:02+08:00")
    #expect(first.time?.raw == "2024-03-05 21:14:02")
    #expect(first.attributes["isSender"] == "0")
  }

  @Test func ownMultiLineMessageKeepsItsLine() throws {
    let own = try #require(try Fixture.document("pywxdump-json/wxid_demo_peer01_0_5.json").unit(at: 14))
    #expect(own.text == "这个安全吗？\n会不会被冻结")
    #expect(own.speaker == "我")
    #expect(own.speakerID == nil)
    #expect(own.attributes["isSender"] == "1")
    #expect(own.fileLine(ofTextLine: 1) == 21)
  }

  @Test func transferRecallAndImage() throws {
    let document = try Fixture.document("pywxdump-json/wxid_demo_peer01_0_5.json")
    let transfer = try #require(document.unit(at: 26))
    #expect(transfer.kind == .transfer)
    #expect(transfer.attributes["amountFen"] == "300000")
    #expect(transfer.attributes["transferState"] == "转账")
    #expect(transfer.attributes["memo"] == "本周工资")
    #expect(transfer.firstBodyLine == 33)
    let recall = try #require(document.unit(at: 38))
    #expect(recall.kind == .system)
    #expect(recall.speaker == nil)
    #expect(recall.text == "\"演示甲\" 撤回了一条消息")
    #expect(recall.time?.iso8601 == "2024-03-05T21:17:00+08:00")
    let image = try #require(document.unit(at: 50))
    #expect(image.attributes["media"] == "image")
    #expect(image.attributes["file"] == "FileStorage\\MsgAttach\\demo\\Image\\2024-03\\a1.dat")
  }

  @Test func groupJSONWithoutNamesUsesWxids() throws {
    let document = try Fixture.document("pywxdump-json/11122233300@chatroom_0_4.json")
    #expect(document.format == .wechatPyWxDumpJSON)
    #expect(document.units.map(\.line) == [2, 14, 26, 38])
    #expect(document.units.allSatisfy { $0.conversation == "11122233300@chatroom" })
    let own = try #require(document.unit(at: 14))
    #expect(own.speaker == "wxid_demo_self00")
    #expect(own.text == "到了\n两张都激活了")
    #expect(own.textLines == [21, 21])
    #expect(own.time?.iso8601 == "2024-06-01T08:01:30+08:00")
    let transfer = try #require(document.unit(at: 26))
    #expect(transfer.kind == .transfer)
    #expect(transfer.speakerID == "wxid_demo_boss02")
    #expect(transfer.attributes["amountFen"] == "60000")
    #expect(transfer.attributes["memo"] == "卡费")
    let recall = try #require(document.unit(at: 38))
    #expect(recall.kind == .system)
    #expect(recall.text == "你撤回了一条消息")
  }

  @Test func oneLineDataJSAsPyWxDumpWritesIt() throws {
    let document = try Fixture.document("pywxdump-datajs/private.js")
    #expect(document.format == .wechatPyWxDumpDataJS)
    #expect(document.status == .parsed)
    #expect(document.units.count == 4)
    #expect(document.units.allSatisfy { $0.line == 5 && $0.endLine == 5 && $0.firstBodyLine == 5 })
    #expect(document.units.map(\.speaker) == ["丙-演示备注", "演示本人", "丙-演示备注", nil])
    #expect(document.units.allSatisfy { $0.conversation == "丙-演示备注" })
    let own = document.units[1]
    #expect(own.text == "好\n装完了\n要我做什么")
    #expect(own.textLines == [5, 5, 5])
    #expect(own.attributes["messageID"] == "7200000000000000002")
    #expect(own.time?.iso8601 == "2023-11-02T20:03:12+08:00")
    let transfer = document.units[2]
    #expect(transfer.kind == .transfer)
    #expect(transfer.attributes["amountFen"] == "888800")
    #expect(transfer.attributes["memo"] == "辛苦费")
    #expect(document.units[3].kind == .system)
  }

  @Test func oneLineGroupDataJS() throws {
    let document = try Fixture.document("pywxdump-datajs/group.js")
    #expect(document.format == .wechatPyWxDumpDataJS)
    #expect(document.units.map(\.speaker) == ["老板演示", "演示本人", nil, "wxid_demo_mate04"])
    #expect(document.units.map(\.kind) == [.message, .transfer, .system, .message])
    #expect(document.units.allSatisfy { $0.conversation == "演示跑分群" })
    #expect(document.units[1].attributes["amountFen"] == "1200050")
    #expect(document.units[1].attributes["transferState"] == "已收款")
    #expect(document.units[3].time?.iso8601 == "2024-05-20T22:04:00+08:00")
  }

  @Test func dataJSNamesSpeakersFromTheUserList() throws {
    let document = try Fixture.document("pywxdump-datajs/pretty-printed.js")
    #expect(document.format == .wechatPyWxDumpDataJS)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [40, 52, 64, 76, 88])
    #expect(document.units.allSatisfy { $0.conversation == "演示工作群" })
    let boss = try #require(document.unit(at: 40))
    #expect(boss.speaker == "上家-演示")
    #expect(boss.speakerID == "wxid_demo_boss02")
    #expect(boss.firstBodyLine == 47)
    #expect(boss.time?.iso8601 == "2024-04-01T10:00:00+08:00")
    let own = try #require(document.unit(at: 52))
    #expect(own.speaker == "演示本人")
    #expect(own.text == "收到\n第二行：我只负责对接\n第三行")
    #expect(own.textLines == [59, 59, 59])
    let unknown = try #require(document.unit(at: 88))
    #expect(unknown.speaker == "wxid_demo_nobody")
  }

  @Test func dataJSReceiptAndRecall() throws {
    let document = try Fixture.document("pywxdump-datajs/pretty-printed.js")
    let receipt = try #require(document.unit(at: 64))
    #expect(receipt.kind == .transfer)
    #expect(receipt.attributes["transferState"] == "已收款")
    #expect(receipt.attributes["amountFen"] == "50000")
    #expect(receipt.attributes["memo"] == nil)
    let recall = try #require(document.unit(at: 76))
    #expect(recall.kind == .system)
    #expect(recall.attributes["typeName"] == "消息撤回5")
  }

  @Test func truncatedListKeepsCompleteRows() throws {
    let text = try String(decoding: Fixture.data("pywxdump-json/wxid_demo_peer01_0_5.json"), as: UTF8.self)
    let cut = Data(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).joined(separator: "\n").utf8)
    let document = EvidenceReader.read(data: cut, path: "cut.json", options: IngestOptions())
    #expect(document.format == .wechatPyWxDumpJSON)
    #expect(document.status == .partial)
    #expect(document.units.map(\.line) == [2, 14])
    #expect(document.diagnostics.first?.code == "ingest.unparsed-line")
  }

  @Test func longFirstMessageIsStillDetected() {
    let long = String(repeating: "长", count: 6_000)
    let json = """
      [
          {
              "id": 1,
              "MsgSvrID": "1",
              "type_name": "文本",
              "is_sender": 0,
              "talker": "wxid_demo_long",
              "room_name": "wxid_demo_long",
              "msg": "\(long)",
              "src": "",
              "extra": {},
              "CreateTime": "2024-01-01 00:00:01"
          }
      ]
      """
    let document = EvidenceReader.read(data: Data(json.utf8), path: "long.json", options: IngestOptions())
    #expect(document.format == .wechatPyWxDumpJSON)
    #expect(document.units.first?.text.count == 6_000)
    #expect(document.units.first?.time?.iso8601 == "2024-01-01T00:00:01+08:00")
  }

  @Test func dataJSHeadWithoutTheMessageLineIsDetected() throws {
    let text = try String(decoding: Fixture.data("pywxdump-datajs/group.js"), as: UTF8.self)
    let head = text.split(separator: "\n").prefix(4).joined(separator: "\n") + "\n"
    let source = SourceText(text: head, path: "data.js", encoding: .utf8, options: IngestOptions())
    #expect(PyWxDumpJSONParser(shape: .dataJS).detect(source))
    let countOnly = SourceText(text: "const local_msg_count = 3\n", path: "a.js", encoding: .utf8, options: IngestOptions())
    #expect(!PyWxDumpJSONParser(shape: .dataJS).detect(countOnly))
  }

  @Test func otherJSONIsNotClaimed() {
    let telegram = Data("{\n  \"name\": \"A\",\n  \"type\": \"personal_chat\",\n  \"messages\": []\n}\n".utf8)
    #expect(EvidenceReader.read(data: telegram, path: "result.json", options: IngestOptions()).format == .telegramJSON)
    let list = Data("[\n  {\"id\": 1, \"msg\": \"x\"}\n]\n".utf8)
    #expect(EvidenceReader.read(data: list, path: "a.json", options: IngestOptions()).format != .wechatPyWxDumpJSON)
  }
}
