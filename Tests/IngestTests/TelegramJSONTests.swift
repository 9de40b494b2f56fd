import Foundation
import Testing

@testable import Ingest

/// Telegram Desktop result.json (export-formats.md §3.1).
@Suite struct TelegramJSONTests {
  @Test func singleChatMessagesSpanTheirObjects() throws {
    let document = try Fixture.document("telegram-json/result.json")
    #expect(document.format == .telegramJSON)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [6, 21, 42, 54])
    #expect(document.units.map(\.endLine) == [20, 41, 53, 65])
    let first = try #require(document.unit(at: 6))
    #expect(first.text == "接口文档发你了")
    #expect(first.firstBodyLine == 13)
    #expect(first.speaker == "Alex Example")
    #expect(first.speakerID == "user4200000001")
    #expect(first.conversation == "Alex Example")
    #expect(first.time?.iso8601 == "2023-03-02T20:16:30+08:00")
    #expect(first.time?.raw == "2023-03-02T20:16:30")
  }

  @Test func entityArraysAreConcatenated() throws {
    let message = try #require(try Fixture.document("telegram-json/result.json").unit(at: 21))
    #expect(message.text == "收款卡号 6222000000000000，后台 https://pay.example.com/admin")
    #expect(message.attributes["bankCards"] == "6222000000000000")
    #expect(message.firstBodyLine == 28)
    #expect(message.fileLine(ofTextLine: 0) == 29)
    #expect(message.attributes["links"] == "https://pay.example.com/admin")
  }

  @Test func serviceAndMediaMessages() throws {
    let document = try Fixture.document("telegram-json/result.json")
    let call = try #require(document.unit(at: 42))
    #expect(call.kind == .system)
    #expect(call.text == "[service: phone_call]")
    #expect(call.speaker == "Me")
    let photo = try #require(document.unit(at: 54))
    #expect(photo.attributes["media_type"] == "photo")
    #expect(photo.time?.iso8601 == "2023-03-02T20:21:00+08:00")
  }

  @Test func fullExportReadsEveryChat() throws {
    let document = try Fixture.document("telegram-json/full-export.json")
    #expect(document.format == .telegramJSON)
    #expect(document.units.map(\.line) == [15, 29])
    #expect(document.units.allSatisfy { $0.conversation == "Group Example" })
    #expect(document.unit(at: 15)?.text == "[service: invite_members] Alex Example")
    #expect(document.unit(at: 29)?.text == "第一行\n第二行")
    #expect(document.unit(at: 29)?.textLines == [36, 36])
  }

  @Test func truncatedExportKeepsCompleteMessages() throws {
    let document = try Fixture.document("telegram-json/truncated.json")
    #expect(document.format == .telegramJSON)
    #expect(document.status == .partial)
    #expect(document.units.map(\.line) == [6])
    let warning = try #require(document.diagnostics.first)
    #expect(warning.code == "ingest.unparsed-line")
    #expect(warning.line == 40)
  }

  @Test func minifiedExportIsDetected() {
    let text = #"{"name":"A","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date":"2023-01-01T00:00:00","from":"A","text":"hi"}]}"#
    let document = EvidenceReader.read(data: Data(text.utf8), path: "result.json")
    #expect(document.format == .telegramJSON)
    #expect(document.units.map(\.text) == ["hi"])
  }

  @Test func jsonLineTracking() throws {
    let (root, error) = LineTrackingJSON.parse("{\r\n \"a\": [1,\r 2],\n \"b\": \"x\\u00e9\\ud83d\\ude00\"\n}")
    #expect(error == nil)
    let node = try #require(root)
    #expect(node.endLine == 5)
    #expect(node["a"]?.line == 2)
    #expect(node["a"]?.endLine == 3)
    #expect(node["b"]?.string == "xé😀")
    #expect(LineTrackingJSON.parse("[1, }").error?.message == "unexpected character")
  }
}
