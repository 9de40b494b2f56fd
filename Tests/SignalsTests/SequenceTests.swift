import Ingest
import Testing

@testable import Signals

@Suite struct SequenceTests {
  static let lexicon = pack(
    terms: """
        notice: [网警, 公安, 被举报]
        carry-on: [照常更新, 继续更新, 继续运营]
      """,
    rules: """
        - id: seq.notice-continue
          title: 告知后继续
          scope: conversation
          speaker: subject
          match:
            sequence:
              first: {any: [$notice]}
              then: {any: [$carry-on]}
              within: {messages: 3, hours: 48}
          clauses: [interp2019.art11.4]
      """)

  private func message(
    _ line: Int, _ speaker: String, _ text: String, hour: Int, day: Int = 2, chat: String = "老周"
  ) -> TextUnit {
    TextUnit(
      kind: .message, line: line, text: text, speaker: speaker,
      time: ChatTime(year: 2023, month: 3, day: day, hour: hour, minute: 0, second: 0, raw: "t"), conversation: chat)
  }

  private func scan(_ units: [TextUnit]) throws -> [Signal] {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    return scanner.scan(EvidenceDocumentFixture.document(units), subjects: ["小李"])
  }

  @Test func firesOnTheLaterUnitAndCitesTheEarlierOne() throws {
    let signals = try scan([
      message(1, "老周", "网警打电话来了，说平台有问题", hour: 9),
      message(2, "小李", "知道了", hour: 10),
      message(3, "小李", "没事，照常更新", hour: 11),
    ])
    let signal = try #require(signals.first)
    #expect(signals.count == 1)
    #expect(signal.line == 3)
    #expect(signal.related == [RelatedUnit(path: "t.txt", line: 1, endLine: 1, role: "earlier")])
    #expect(signal.matched.map(\.text) == ["照常更新"])
    #expect(signal.why == "sequence(first any $notice「网警」 @L1, then) any $carry-on「照常更新」 · no negation cue")
  }

  @Test func needsTheFirstEventBeforeAndInTheSameConversation() throws {
    #expect(try scan([message(1, "小李", "照常更新", hour: 9), message(2, "老周", "网警来了", hour: 10)]).isEmpty)
    #expect(try scan([message(1, "老周", "网警来了", hour: 9, chat: "群A"), message(2, "小李", "照常更新", hour: 10)]).isEmpty)
    #expect(try scan([message(1, "小李", "网警来了，照常更新", hour: 9)]).isEmpty)
  }

  @Test func respectsTheWindowAndNegation() throws {
    let inTime = try scan([message(1, "老周", "网警来了", hour: 9), message(2, "小李", "照常更新", hour: 8, day: 4)])
    #expect(inTime.count == 1)
    let tooLate = try scan([message(1, "老周", "网警来了", hour: 9), message(2, "小李", "照常更新", hour: 10, day: 4)])
    #expect(tooLate.isEmpty)
    let tooFar = try scan(
      [message(1, "老周", "网警来了", hour: 9)] + (2...5).map { message($0, "老周", "嗯", hour: 9) }
        + [message(6, "小李", "照常更新", hour: 10)])
    #expect(tooFar.isEmpty)
    let denied = try scan([message(1, "老周", "没有网警来过", hour: 9), message(2, "小李", "照常更新", hour: 10)])
    #expect(denied.isEmpty)
  }

  @Test func appliesTheSpeakerToTheLaterEventOnly() throws {
    #expect(try scan([message(1, "老周", "网警来了", hour: 9), message(2, "老周", "照常更新", hour: 10)]).isEmpty)
  }

  @Test func rejectsAMessageScopeOnASequence() throws {
    let text = Self.lexicon.replacingOccurrences(of: "scope: conversation", with: "scope: message")
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": text])
    #expect(diagnostics.map(\.code) == ["lexicon.schema"])
  }
}
