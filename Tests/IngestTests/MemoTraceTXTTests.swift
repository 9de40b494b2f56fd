import Foundation
import Testing

@testable import Ingest

/// MemoTrace v1 and v2 TXT (export-formats.md §1.2, §1.3).
@Suite struct MemoTraceTXTTests {
  @Test func v1RecordsSpeakersAndLines() throws {
    let document = try Fixture.document("wechat-memotrace/张三.txt")
    #expect(document.format == .wechatMemoTraceTXT)
    #expect(document.encoding == "utf-8")
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [1, 4, 7, 9, 15, 18, 25, 29])
    let first = try #require(document.unit(at: 1))
    #expect(first.kind == .message)
    #expect(first.speaker == "张三")
    #expect(first.text == "在吗")
    #expect(first.endLine == 2)
    #expect(first.conversation == "张三")
    #expect(first.time?.iso8601 == "2023-05-01T21:40:12+08:00")
    #expect(first.time?.raw == "2023-05-01 21:40:12")
  }

  @Test func v1SystemNoticeHasNoSpeaker() throws {
    let notice = try #require(try Fixture.document("wechat-memotrace/张三.txt").unit(at: 7))
    #expect(notice.kind == .system)
    #expect(notice.speaker == nil)
    #expect(notice.text == "\"张三\" 撤回了一条消息")
    #expect(notice.endLine == 7)
  }

  @Test func v1BodyWithBlankLineSpansToTheNextHeader() throws {
    let message = try #require(try Fixture.document("wechat-memotrace/张三.txt").unit(at: 9))
    #expect(message.firstBodyLine == 10)
    #expect(message.endLine == 13)
    #expect(message.text == "跑分的后台你能做吗\n要能控制输赢\n\n价格好说")
    #expect(message.textLines == nil)
    #expect(message.fileLine(ofTextLine: 3) == 13)
  }

  @Test func v1NamesAreUnescaped() throws {
    let message = try #require(try Fixture.document("wechat-memotrace/张三.txt").unit(at: 15))
    #expect(message.speaker == "A&B '工作室'")
  }

  @Test func v1LinkCardAndQuote() throws {
    let document = try Fixture.document("wechat-memotrace/张三.txt")
    let card = try #require(document.unit(at: 18))
    #expect(card.endLine == 22)
    #expect(card.attributes["linkTitle"] == "某某平台开发文档")
    #expect(card.attributes["linkURL"] == "https://example.com/doc")
    let reply = try #require(document.unit(at: 25))
    #expect(reply.attributes["quoteSpeaker"] == "李四")
    #expect(reply.attributes["quoteText"] == "[链接]某某平台开发文档")
    #expect(reply.attributes["quoteLine"] == "27")
  }

  @Test func v1HeaderLikeBodyLineIsKeptAndNoted() throws {
    let document = try Fixture.document("wechat-memotrace/张三.txt")
    let message = try #require(document.unit(at: 29))
    #expect(message.endLine == 31)
    #expect(message.text == "我们约在\n2023-05-02 10:00:00 见面")
    let note = try #require(document.diagnostics.first)
    #expect(note.severity == .note)
    #expect(note.code == "ingest.header-like-body-line")
    #expect(note.line == 31)
  }

  @Test func v1PreambleAndBadTimeMakePartial() throws {
    let document = try Fixture.document("wechat-memotrace/partial.txt")
    #expect(document.format == .wechatMemoTraceTXT)
    #expect(document.status == .partial)
    #expect(document.units.map(\.line) == [4, 7])
    let stray = try #require(document.diagnostics.first { $0.code == "ingest.unparsed-line" })
    #expect(stray.line == 1)
    #expect(stray.severity == .warning)
    #expect(stray.file == "wechat-memotrace/partial.txt")
    #expect(stray.message.hasPrefix("lines 1–2 could not be parsed"))
    let badTime = try #require(document.diagnostics.first { $0.code == "ingest.bad-time" })
    #expect(badTime.line == 7)
    #expect(document.unit(at: 7)?.time == nil)
    #expect(document.unit(at: 7)?.speaker == "李四")
    #expect(document.reason?.hasPrefix("parsed with 2 problems") == true)
  }

  static let v2Path = "wechat-memotrace/聊天记录/李四(wxid_example01)/李四.txt"

  @Test func v2IsDetectedDistinctly() throws {
    let document = try Fixture.document(Self.v2Path)
    #expect(document.format == .wechatMemoTraceV2TXT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [1, 6, 9, 12, 15, 19])
    #expect(document.units.allSatisfy { $0.conversation == "李四" })
  }

  @Test func v2TransferWithAmountAndMemo() throws {
    let transfer = try #require(try Fixture.document(Self.v2Path).unit(at: 1))
    #expect(transfer.kind == .transfer)
    #expect(transfer.speaker == "张三")
    #expect(transfer.endLine == 3)
    #expect(transfer.attributes["amountFen"] == "500000")
    #expect(transfer.attributes["transferState"] == "发起转账")
    #expect(transfer.attributes["memo"] == "卡费")
  }

  @Test func v2TimeOnlyHeaderIsSystem() throws {
    let notice = try #require(try Fixture.document(Self.v2Path).unit(at: 6))
    #expect(notice.kind == .system)
    #expect(notice.speaker == nil)
    #expect(notice.text == "张三撤回了一条消息")
    #expect(notice.firstBodyLine == 7)
    #expect(notice.endLine == 7)
    #expect(notice.time?.iso8601 == "2024-12-01T12:00:30+08:00")
  }

  @Test func v2RedPacketQuoteAndMergedForward() throws {
    let document = try Fixture.document(Self.v2Path)
    let packet = try #require(document.unit(at: 9))
    #expect(packet.kind == .transfer)
    #expect(packet.attributes["redPacket"] == "true")
    #expect(packet.attributes["amountFen"] == nil)
    let reply = try #require(document.unit(at: 15))
    #expect(reply.attributes["quoteSpeaker"] == "李四")
    #expect(reply.attributes["quoteText"] == "【图片】")
    let forward = try #require(document.unit(at: 19))
    #expect(forward.endLine == 23)
    #expect(forward.text.hasSuffix("    - 2024-11-30 09:01:00 赵六: 好"))
  }

  @Test func amounts() {
    #expect(AmountText.fen("￥5,000.00") == 500_000)
    #expect(AmountText.fen("¥12.5") == 1_250)
    #expect(AmountText.fen("200") == 20_000)
    #expect(AmountText.fen("￥92233720368547758.07") == Int.max)
    #expect(AmountText.fen("￥92233720368547759") == nil)
    #expect(AmountText.fen("￥9223372036854775808") == nil)
    #expect(AmountText.fen("无") == nil)
    #expect(AmountText.fen("1.234") == nil)
  }

  @Test func escapes() {
    #expect(TextEscapes.htmlUnescape("a&lt;b&gt;&amp;&#20320;&#x597D;&unknown;") == "a<b>&你好&unknown;")
    #expect(TextEscapes.unBackslash(#"\'x\" \\ \n"#) == #"'x" \ \n"#)
  }
}

/// MemoTrace v1 AI-TXT digests.
@Suite struct MemoTraceAITXTTests {
  @Test func digestLinesWithSpeakersAndDaysAndARedactionNote() throws {
    let document = try Fixture.document("wechat-memotrace/张三_chat.txt")
    #expect(document.format == .wechatMemoTraceAITXT)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [6, 7, 10, 16])
    #expect(document.units.map(\.speaker) == ["张三", "张三", "李四", "李四"])
    #expect(document.units.map { $0.attributes["date"] } == ["2023-05-01", "2023-05-01", "2023-05-01", "2023-05-02"])
    #expect(document.units.allSatisfy { $0.time == nil })
    #expect(document.diagnostics.first?.code == "ingest.redacted-export")
    #expect(document.diagnostics.first?.severity == .note)
  }
}

/// WeFlow TXT, MemoTrace's shape with quoted senders.
@Suite struct WeFlowTXTTests {
  @Test func quotedSendersAndTransfers() throws {
    let document = try Fixture.document("wechat-memotrace/张三-weflow.txt")
    #expect(document.format == .wechatWeFlowTXT)
    #expect(document.units.map(\.speaker) == ["张三", "我"])
    #expect(document.units.map(\.line) == [1, 4])
    #expect(document.units.last?.kind == .transfer)
    #expect(document.units.last?.attributes["amountFen"] == "10000")
  }
}
