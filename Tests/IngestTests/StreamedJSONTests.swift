import Foundation
import Testing

@testable import Ingest

/// JSON arrays named by path are handed over element by element, never built, and a large
/// Telegram export reaches the scan in batches with the units of a whole read.
@Suite struct StreamedJSONTests {
  @Test func elementsOfANamedArrayComeWithTheirOwnersMembers() throws {
    let text = """
      {"about": "x",
       "chats": {"list": [
         {"name": "群一", "id": 1, "messages": [{"id": 1}, {"id": 2}]},
         {"name": "群二", "id": 2, "messages": [{"id": 3, "messages": [{"id": 99}]}]}
       ]},
       "messages": [{"id": 4}]}
      """
    var seen: [(id: String, chat: String, line: Int)] = []
    var ended: [String] = []
    let streaming = LineTrackingJSON.Streaming(
      paths: [["chats", "list", "messages"]],
      element: { element, owner in
        let chat = owner.first { $0.key == "name" }?.value.string ?? "?"
        seen.append((element["id"]?.string ?? "?", chat, element.line))
      },
      ownerEnded: { owner in ended.append(owner.map(\.key).joined(separator: ",")) })
    let (root, error) = LineTrackingJSON.parse(text, streaming: streaming)
    #expect(error == nil)
    #expect(ended == ["name,id,messages", "name,id,messages"])
    #expect(seen.map(\.id) == ["1", "2", "3"])
    #expect(seen.map(\.chat) == ["群一", "群一", "群二"])
    #expect(seen.map(\.line) == [3, 3, 4])
    let chats = try #require(root?["chats"]?["list"]?.elements)
    #expect(chats.allSatisfy { $0["messages"]?.elements.isEmpty == true })
    #expect(root?["messages"]?.elements.count == 1)
  }

  @Test func aTruncatedStreamedArrayKeepsTheElementsBeforeTheCut() {
    var ids: [String] = []
    var ended = 0
    let streaming = LineTrackingJSON.Streaming(
      paths: [["messages"]],
      element: { element, _ in
        if element.isComplete { ids.append(element["id"]?.string ?? "?") }
      },
      ownerEnded: { _ in ended += 1 })
    let (_, error) = LineTrackingJSON.parse(#"{"messages": [{"id": 1}, {"id": 2}, {"id": "#, streaming: streaming)
    #expect(ids == ["1", "2"])
    #expect(ended == 1)
    #expect(error != nil)
  }

  /// A Telegram Desktop full export: two chats and a left chat of `perChat` messages each, one
  /// member per line; with `nameFirst` each chat's `name` comes before its `messages` (as
  /// Telegram writes it), else after them.
  static func telegramExport(perChat: Int, nameFirst: Bool) -> String {
    func chat(_ name: String, _ id: Int) -> String {
      let messages = (0..<perChat).map { index in
        """
          {
           "id": \(index + 1),
           "type": "message",
           "date": "2023-05-01T10:00:00",
           "date_unixtime": "\(1_682_906_400 + index)",
           "from": "\(index % 2 == 0 ? "老周" : "小李")",
           "text": "第\(index)条：接口做了AES加密"
          }
        """
      }
      let head = nameFirst ? "\"name\": \"\(name)\",\n \"id\": \(id),\n" : "\"id\": \(id),\n"
      let tail = nameFirst ? "" : ",\n \"name\": \"\(name)\""
      return "{\n \(head) \"messages\": [\n\(messages.joined(separator: ",\n"))\n ]\(tail)\n}"
    }
    return """
      {
       "about": "synthetic",
       "chats": {"list": [\(chat("项目群", 1)), \(chat("运维群", 2))]},
       "left_chats": {"list": [\(chat("旧群", 3))]}
      }
      """
  }

  @Test func aChatNamedAfterItsMessagesStillNamesThem() throws {
    let text = #"{"messages": [{"id": 1, "type": "message", "date": "2023-05-01T10:00:00", "from": "老周", "text": "好"}], "name": "项目群", "type": "private_group"}"#
    let document = EvidenceReader.read(data: Data(text.utf8), path: "result.json")
    #expect(document.format == .telegramJSON)
    #expect(document.units.map(\.conversation) == ["项目群"])
  }

  @Test(arguments: [true, false])
  func aLargeTelegramExportComesInBatchesWithTheUnitsOfAWholeRead(nameFirst: Bool) throws {
    let perChat = UnitBatches.standardSize / 2 + 100
    let text = Self.telegramExport(perChat: perChat, nameFirst: nameFirst)
    let (temporary, folder, entry) = try StreamedReadingTests.folder("result.json", Array(text.utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy())

    #expect(whole.format == .telegramJSON)
    #expect(whole.status == .parsed)
    #expect(whole.units.count == perChat * 3)
    #expect(Set(whole.units.map(\.conversation)) == ["项目群", "运维群", "旧群"])
    #expect(batched.pieces == 2)
    #expect(batched.units == whole.units)
    #expect(batched.document.units.isEmpty)
    #expect(batched.document.unitCount == perChat * 3)
    #expect(batched.document.sha256 == whole.sha256)
    #expect(batched.document.diagnostics == whole.diagnostics)
  }

  /// A PyWxDump `…json` export of `rows` rows, some of them transfers and one with a bad time.
  static func pyWxDumpExport(rows: Int) throws -> String {
    let list: [[String: Any]] = (0..<rows).map { index in
      [
        "id": index + 1, "MsgSvrID": "\(7_000_000_000_000_000_000 + index)", "type_name": index % 50 == 0 ? "转账" : "文本",
        "is_sender": index % 2, "talker": index % 2 == 0 ? "wxid_demo_peer01" : "wxid_demo_self00", "room_name": "wxid_demo_peer01",
        "msg": index % 50 == 0 ? "转账：￥200.00\n转账说明：服务器费" : "第\(index)条：删除重复订单", "src": "",
        "CreateTime": index == 5 ? "昨天" : "2024-06-01 08:00:00",
      ]
    }
    let data = try JSONSerialization.data(withJSONObject: list, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  @Test func aLargePyWxDumpExportComesInBatchesWithTheUnitsOfAWholeRead() throws {
    let rows = UnitBatches.standardSize + 300
    let (temporary, folder, entry) = try StreamedReadingTests.folder(
      "wxid_demo_peer01_0_9000.json", Array(try Self.pyWxDumpExport(rows: rows).utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy())

    #expect(whole.format == .wechatPyWxDumpJSON)
    #expect(whole.units.count == rows)
    #expect(whole.units.filter { $0.kind == .transfer }.count == (rows + 49) / 50)
    #expect(whole.diagnostics.map(\.code) == ["ingest.bad-time"])
    #expect(batched.pieces == 2)
    #expect(batched.units == whole.units)
    #expect(batched.document.unitCount == rows)
    #expect(batched.document.diagnostics == whole.diagnostics)
  }

  @Test func aLargeMemoTraceHTMLPageComesInBatchesWithTheUnitsOfAWholeRead() throws {
    let count = UnitBatches.standardSize + 200
    let messages = (0..<count).map { index in
      "{ type:1, text: '第\(index)条：接口做了AES加密',is_send:\(index % 2),timestamp:\(1_682_948_412 + index),is_chatroom:0,displayname:'\(index % 2 == 0 ? "张三" : "李四")'},"
    }
    let page = "<html><head><title>张三</title></head><body>\n<script>\n    const chatMessages = [\n\(messages.joined(separator: "\n"))\n    ];\n</script>\n</body></html>\n"
    let (temporary, folder, entry) = try StreamedReadingTests.folder("张三.html", Array(page.utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let batched = StreamedReadingTests.streamed(folder, entry, policy: StreamingPolicy())

    #expect(whole.format == .wechatMemoTraceHTML)
    #expect(whole.units.count == count)
    #expect(whole.units.last?.line == count + 3)
    #expect(batched.pieces == 2)
    #expect(batched.units == whole.units)
    #expect(batched.document.unitCount == count)
    #expect(batched.document.diagnostics == whole.diagnostics)
  }
}
