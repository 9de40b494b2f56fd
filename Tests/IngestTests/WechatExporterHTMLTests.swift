import Foundation
import Testing

@testable import Ingest

/// WechatExporter (iOS backup) HTML (export-formats.md §1.6).
@Suite struct WechatExporterHTMLTests {
  @Test func privateChatUnitsStandAtTheirBodies() throws {
    let document = try Fixture.document("wechatexporter-html/private.html")
    #expect(document.format == .wechatExporterHTML)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [27, 37, 51, 63, 66])
    let first = try #require(document.unit(at: 27))
    #expect(first.kind == .message)
    #expect(first.text == "在吗，卡借我用几天，<每天>给你&结算")
    #expect(first.speaker == "演示乙")
    #expect(first.speakerID == "wxid_demo_peer07")
    #expect(first.conversation == "演示乙")
    #expect(first.time?.iso8601 == "2021-03-04T12:34:56+08:00")
    #expect(first.time?.raw == "2021-03-04 12:34:56")
    #expect(first.attributes["msgType"] == "1")
  }

  @Test func multiLineBodyKeepsItsLines() throws {
    let own = try #require(try Fixture.document("wechatexporter-html/private.html").unit(at: 37))
    #expect(own.text == "用来干什么？\n别是跑分吧\n我不想惹事")
    #expect(own.endLine == 39)
    #expect(own.textLines == nil)
    #expect(own.fileLine(ofTextLine: 2) == 39)
    #expect(own.speaker == "我")
    #expect(own.speakerID == "wxid_demo_self00")
  }

  @Test func transferRecallAndPhoto() throws {
    let document = try Fixture.document("wechatexporter-html/private.html")
    let transfer = try #require(document.unit(at: 51))
    #expect(transfer.kind == .transfer)
    #expect(transfer.text == "￥200.00 - 转账\n押金")
    #expect(transfer.endLine == 52)
    #expect(transfer.attributes["amountFen"] == "20000")
    #expect(transfer.attributes["memo"] == "押金")
    let recall = try #require(document.unit(at: 63))
    #expect(recall.kind == .system)
    #expect(recall.speaker == nil)
    #expect(recall.text == "\"演示乙\" 撤回了一条消息")
    #expect(recall.time?.iso8601 == "2021-03-04T12:36:00+08:00")
    #expect(recall.attributes["timeFrom"] == "previous message")
    let photo = try #require(document.unit(at: 66))
    #expect(photo.text.isEmpty)
    #expect(photo.attributes["msgType"] == "3")
    #expect(photo.time?.iso8601 == "2021-03-04T12:40:02+08:00")
  }

  @Test func groupChat() throws {
    let document = try Fixture.document("wechatexporter-html/group.html")
    #expect(document.format == .wechatExporterHTML)
    #expect(document.units.map(\.line) == [22, 32, 45, 62, 67, 77, 96, 105])
    #expect(document.units.allSatisfy { $0.conversation == "演示工作群" })
    let invite = try #require(document.unit(at: 22))
    #expect(invite.kind == .system)
    #expect(invite.time == nil)
    let boss = try #require(document.unit(at: 32))
    #expect(boss.speaker == "演示老板")
    #expect(boss.text == "今天的流水必须走完\n走完再删聊天记录")
    #expect(boss.endLine == 33)
    let transfer = try #require(document.unit(at: 45))
    #expect(transfer.kind == .transfer)
    #expect(transfer.attributes["amountFen"] == "150000")
    #expect(transfer.attributes["memo"] == "佣金")
    #expect(transfer.time?.iso8601 == "2022-07-15T09:05:30+08:00")
    let agent = try #require(document.unit(at: 62))
    #expect(agent.speaker == "演示代理 (二组)")
    #expect(agent.speakerID == "wxid_demo_agent03")
    let recall = try #require(document.unit(at: 67))
    #expect(recall.kind == .system)
    #expect(recall.text == "你撤回了一条消息")
    #expect(recall.time?.iso8601 == "2022-07-15T09:06:00+08:00")
  }

  @Test func quoteReplyShareAndLegacyNotice() throws {
    let document = try Fixture.document("wechatexporter-html/group.html")
    let reply = try #require(document.unit(at: 77))
    #expect(reply.text == "我只管收卡，别的不知道")
    #expect(reply.attributes["quote"] == "「演示老板：今天的流水必须走完」")
    #expect(reply.speaker == "我")
    #expect(reply.time?.iso8601 == "2022-07-15T09:10:00+08:00")
    let share = try #require(document.unit(at: 96))
    #expect(share.text == "账号密码私聊")
    #expect(share.attributes["link"] == "https://pay.example.com/admin")
    #expect(share.attributes["linkTitle"] == "后台登录说明")
    #expect(share.speakerID == "wxid_demo_boss02")
    let notice = try #require(document.unit(at: 105))
    #expect(notice.kind == .system)
    #expect(notice.text == "系统消息：演示老板修改群名为“演示工作群”")
    #expect(notice.time?.iso8601 == "2022-07-15T09:12:00+08:00")
  }

  @Test func olderTemplateWithoutPre() throws {
    let document = try Fixture.document("wechatexporter-html/legacy.html")
    #expect(document.format == .wechatExporterHTML)
    #expect(document.units.map(\.line) == [16, 21])
    let first = try #require(document.unit(at: 16))
    #expect(first.text == "帮我收一笔款，收到后马上转走")
    #expect(first.speaker == "演示丁")
    #expect(first.speakerID == nil)
    #expect(first.conversation == "演示丁")
    #expect(first.time?.iso8601 == "2020-12-31T23:59:58+08:00")
    let recall = try #require(document.unit(at: 21))
    #expect(recall.kind == .system)
    #expect(recall.text == "\"演示丁\" 撤回了一条消息")
  }

  @Test func otherPagesAreNotClaimed() {
    let page = Data("<!doctype html>\n<html><body><div class=\"msg\">普通网页</div>\n<span class=\"dspname\">x</span></body></html>\n".utf8)
    #expect(EvidenceReader.read(data: page, path: "page.html", options: IngestOptions()).format == .html)
  }
}
