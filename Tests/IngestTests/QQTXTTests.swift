import Foundation
import Testing

@testable import Ingest

/// QQ message-manager TXT (export-formats.md §2.1).
@Suite struct QQTXTTests {
  static let allPath = "qq-txt/全部消息记录.txt"

  @Test func blocksGiveTheConversation() throws {
    let document = try Fixture.document(Self.allPath)
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [9, 12, 18, 27, 30])
    #expect(document.units.map { $0.conversation ?? "" } == ["老王", "老王", "老王", "技术交流群", "技术交流群"])
    #expect(document.unit(at: 9)?.attributes["qqGroup"] == "我的好友")
  }

  @Test func numberAndEmailSenders() throws {
    let document = try Fixture.document(Self.allPath)
    let first = try #require(document.unit(at: 9))
    #expect(first.speaker == "老王")
    #expect(first.speakerID == "12345678")
    #expect(first.text == "你好")
    let email = try #require(document.unit(at: 12))
    #expect(email.speaker == "我的小号")
    #expect(email.speakerID == "someone@example.com")
    #expect(email.text == "卡都准备好了\n一共二十张\n\n明天发快递")
    #expect(email.firstBodyLine == 13)
    #expect(email.endLine == 16)
    #expect(email.time?.iso8601 == "2016-01-01T12:05:30+08:00")
  }

  @Test func emptyBodyTitlesAndSystemSenders() throws {
    let document = try Fixture.document(Self.allPath)
    let empty = try #require(document.unit(at: 18))
    #expect(empty.text == "")
    #expect(empty.endLine == 18)
    let admin = try #require(document.unit(at: 27))
    #expect(admin.speaker == "张(三)")
    #expect(admin.speakerID == "10001")
    #expect(admin.attributes["memberTitle"] == "管理员")
    #expect(admin.time?.iso8601 == "2016-01-02T09:05:12+08:00")
    let system = try #require(document.unit(at: 30))
    #expect(system.kind == .system)
    #expect(system.speaker == nil)
    #expect(system.text == "李四加入本群。")
  }

  @Test func twelveHourClocks() throws {
    let document = try Fixture.document("qq-txt/clock12.txt")
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.status == .parsed)
    #expect(document.units.compactMap(\.time?.iso8601) == [
      "2019-09-23T20:43:38+08:00", "2019-09-23T00:01:00+08:00", "2019-09-24T08:00:00+08:00",
      "2019-09-24T14:30:15+08:00",
    ])
    #expect(document.units.map(\.time?.raw) == [
      "2019-09-23 8:43:38 PM", "2019-09-23 12:01:00 AM", "2019/9/24 上午 08:00:00", "2019/9/24 下午 2:30:15",
    ])
    #expect(document.unit(at: 10)?.text == "收到 AMY 的消息了")
    #expect(document.units.allSatisfy { $0.conversation == "clock12" })
  }

  @Test func assumedZoneIsAnOption() throws {
    let document = try Fixture.document(Self.allPath, options: IngestOptions(utcOffsetSeconds: 0))
    #expect(document.unit(at: 9)?.time?.iso8601 == "2016-01-01T12:00:00+00:00")
  }

  @Test func senderSplitting() {
    #expect(QQHeader.splitSender("AMY") == (nil, "AMY", nil))
    #expect(QQHeader.splitSender("昵称(备注)") == (nil, "昵称(备注)", nil))
    #expect(QQHeader.splitSender("【冒泡】a<b@c.d>") == ("冒泡", "a", "b@c.d"))
    #expect(QQHeader.parse("2019-09-23 12:00:00 AMY(12345)")?.nickname == "AMY")
    #expect(QQHeader.parse("2019-09-23 12:00:00 AMY(12345)")?.time.hour == 12)
    #expect(QQHeader.parse("2019-09-23 13:00:00 PM x(12345)") == nil)
  }

  @Test func recentContactsDuplicatesAreCitedOnce() throws {
    let document = try Fixture.document("qq-txt/recent-contacts.txt")
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [12, 21])
    #expect(document.unit(at: 12)?.attributes["qqGroup"] == "最近联系人")
    let note = try #require(document.diagnostics.first)
    #expect(note.code == "ingest.duplicate-block")
    #expect(note.severity == .note)
    #expect(note.line == 9)
  }

  @Test func publicSampleWithPlaceholderHeader() throws {
    let text = "===\n假装我是文件头\n===\n\n2020-03-07 11:22:33 A(123123)\nA\n\n2020-03-07 12:34:56 B(456456)\nB\n"
    let document = EvidenceReader.read(data: Data(text.utf8), path: "qq.txt")
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.status == .partial)
    #expect(document.units.map(\.speakerID) == ["123123", "456456"])
    #expect(document.diagnostics.first?.line == 1)
  }
}

/// Plain text: one unit per non-blank line.
@Suite struct PlainTextTests {
  @Test func linesKeepTheirNumbers() throws {
    let document = try Fixture.document("plain/notes.txt")
    #expect(document.format == .plainText)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [1, 3, 4])
    #expect(document.units.allSatisfy { $0.kind == .line && $0.endLine == $0.line })
    #expect(document.units[1].text == "  甲方要求：后台可以改赔率")
    #expect(document.units[2].text == "最后一行没有换行")
  }
}
