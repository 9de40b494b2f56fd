import Ingest
import Testing

@testable import Signals

/// `after:` sequence rules: a notice, then carrying on (Art. 11 items (一)/(二)).
@Suite struct SequenceTests {
  static let lexicon = pack(
    rules: """
        - id: seq.notice
          title: 收到监管告知
          context: true
          match:
            all: [{any: [网警, 公安]}, {any: [打电话, 通知, 约谈]}]
            near: 10
        - id: seq.carry-on
          title: 告知后照常运营
          speaker: subject
          match:
            any: [照常运营, 继续维护, 照常更新]
          after: {rule: seq.notice, within: 3, role: notice}
          clauses: [interp2019.art11.4]
      """)

  static func message(_ line: Int, _ speaker: String, _ text: String, conversation: String = "老周")
    -> TextUnit
  {
    TextUnit(kind: .message, line: line, text: text, speaker: speaker, conversation: conversation)
  }

  private func scan(_ units: [TextUnit]) throws -> [Signal] {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    return scanner.scan(EvidenceDocumentFixture.document(units), subjects: ["小李"])
  }

  @Test func carryingOnAfterANoticeCitesTheNotice() throws {
    let signals = try scan([
      Self.message(1, "老周", "昨天网警打电话给我，说平台涉嫌赌博"),
      Self.message(3, "小李", "没事，换个域名照常运营"),
    ])
    #expect(signals.map(\.ruleID) == ["seq.carry-on"], "the context rule reports nothing itself")
    #expect(signals.first?.line == 3)
    #expect(signals.first?.related == [RelatedUnit(path: "t.txt", line: 1, endLine: 1, role: "notice")])
    #expect(signals.first?.why.contains("after seq.notice at line 1") == true)
  }

  @Test func carryingOnWithoutANoticeIsSilent() throws {
    #expect(try scan([Self.message(1, "小李", "服务器照常运营，下周继续维护")]).isEmpty)
  }

  @Test func aNoticeAfterwardsOrTooFarBackDoesNotCount() throws {
    let later = try scan([
      Self.message(1, "小李", "换个域名照常运营"),
      Self.message(3, "老周", "网警打电话来了"),
    ])
    #expect(later.isEmpty)
    let far = try scan([
      Self.message(1, "老周", "网警打电话来了"),
      Self.message(3, "老周", "吃饭了吗"),
      Self.message(5, "老周", "在吗"),
      Self.message(7, "老周", "回个话"),
      Self.message(9, "小李", "照常运营"),
    ])
    #expect(far.isEmpty, "the notice is 4 units back, outside within: 3")
  }

  @Test func aNoticeInAnotherConversationDoesNotCount() throws {
    let signals = try scan([
      Self.message(1, "老周", "网警打电话给我了", conversation: "群A"),
      Self.message(3, "小李", "照常运营", conversation: "群B"),
    ])
    #expect(signals.isEmpty)
  }

  @Test func anAfterNamingAnUnknownRuleIsALoadError() throws {
    let broken = pack(
      rules: """
          - id: seq.orphan
            title: 无前置规则
            match: 照常运营
            after: {rule: seq.missing}
            clauses: [interp2019.art11.4]
        """)
    #expect(throws: LexiconError.self) { try TestLexicon.set(broken) }
  }
}
