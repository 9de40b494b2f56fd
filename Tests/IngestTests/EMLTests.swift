import Foundation
import Testing

@testable import Ingest

/// E-mail messages (.eml).
@Suite struct EMLTests {
  @Test func quotedPrintableParagraphsKeepTheirLines() throws {
    let document = try Fixture.document("eml/offer.eml")
    #expect(document.format == .eml)
    #expect(document.status == .parsed)
    #expect(document.units.map(\.line) == [6, 17, 19, 26])
    #expect(document.units.map(\.endLine) == [6, 17, 24, 27])
    #expect(document.units.map(\.text) == [
      "系统报价", "王总：", "附件是跑分系统的报价，总价三万元，\n其中包含后台和代付接口的开发费用，请查收。", "此致\n小李",
    ])
    #expect(document.units[0].attributes["header"] == "subject")
    #expect(document.units[2].textLines == [19, 22])
    #expect(document.units[3].textLines == nil)
  }

  @Test func senderDateAndSubjectOnEveryUnit() throws {
    let document = try Fixture.document("eml/offer.eml")
    #expect(document.units.allSatisfy { $0.speaker == "小李" && $0.speakerID == "li@example.com" })
    #expect(document.units.allSatisfy { $0.conversation == "系统报价" })
    #expect(document.units.first?.time?.iso8601 == "2025-07-01T10:52:37+08:00")
    #expect(!document.units.contains { $0.text.contains("JVBER") })
  }

  @Test func base64GB2312Body() throws {
    let document = try Fixture.document("eml/gbk-base64.eml")
    #expect(document.format == .eml)
    #expect(document.units.map(\.text) == ["合同", "合同已经签好。", "款打到个人账户。"])
    #expect(document.units.map(\.line) == [3, 9, 9])
    #expect(document.units.last?.attributes["encoding"] == "base64")
    #expect(document.units.last?.time?.iso8601 == "2025-07-02T17:00:00+08:00")
  }

  @Test func encodedWordsAndAddresses() {
    #expect(MailText.header("=?UTF-8?Q?=E4=BD=A0=E5=A5=BD?= =?UTF-8?B?5LiW55WM?= !") == "你好世界 !")
    #expect(MailText.address("\"Li, Xiao\" <li@example.com>").name == "Li, Xiao")
    #expect(MailText.address("li@example.com").address == "li@example.com")
    #expect(MailText.date("1 Jul 2025 10:52:37 -0100", options: IngestOptions(utcOffsetSeconds: 0))?.iso8601 == "2025-07-01T11:52:37+00:00")
  }
}
