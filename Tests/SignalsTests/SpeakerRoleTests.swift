import Ingest
import Testing

@testable import Signals

@Suite struct SpeakerRoleTests {
  static let lexicon = pack(
    rules: """
        - id: sp.subject
          title: 主体说
          speaker: subject
          match: 控制输赢
          clauses: [interp2019.art11.4]
        - id: sp.counterpart
          title: 对方说
          speaker: counterpart
          match: 控制输赢
          clauses: [interp2019.art11.4]
        - id: sp.any
          title: 任何人
          match: 控制输赢
          clauses: [interp2019.art11.4]
      """)

  static let document = EvidenceDocumentFixture.document([
    TextUnit(kind: .message, line: 1, text: "可以控制输赢", speaker: " 小李 ", speakerID: "wxid_demo01"),
    TextUnit(kind: .message, line: 2, text: "后台要能控制输赢", speaker: "老周"),
    TextUnit(kind: .paragraph, line: 3, text: "本系统不得用于控制输赢以外的…控制输赢"),
    TextUnit(kind: .system, line: 4, text: "老周撤回了一条消息：控制输赢", speaker: "老周"),
    TextUnit(kind: .message, line: 5, text: "控制输赢没问题", speakerID: "user2"),
    TextUnit(
      kind: .message, line: 6, text: "控制输赢我来做", attributes: ["unreadableHeader": "2023-03-0 10:0 小李"]),
  ])

  private func fired(subjects: Set<String>) throws -> [String] {
    let scanner = SignalScanner(lexicon: try TestLexicon.set(Self.lexicon))
    return scanner.scan(Self.document, subjects: subjects).map { "\($0.line) \($0.ruleID) \($0.speakerRole.rawValue)" }
  }

  /// A unit whose speaker is not known (a paragraph, a message whose header could not be read)
  /// counts for every rule, marked unknown: naming a subject never hides it.
  @Test func subjectsSplitSpeakersIntoRoles() throws {
    #expect(try fired(subjects: ["小李"]) == [
      "1 sp.any subject", "1 sp.subject subject",
      "2 sp.any counterpart", "2 sp.counterpart counterpart",
      "3 sp.any unknown", "3 sp.counterpart unknown", "3 sp.subject unknown",
      "4 sp.any counterpart",
      "5 sp.any counterpart", "5 sp.counterpart counterpart",
      "6 sp.any unknown", "6 sp.counterpart unknown", "6 sp.subject unknown",
    ])
  }

  @Test func speakerIDsDesignateSubjectsToo() throws {
    #expect(try fired(subjects: ["wxid_demo01"]).contains("1 sp.subject subject"))
  }

  /// An export that keeps only the sender's account id (a deleted or hidden name) still tells
  /// the subject's messages from the others'.
  @Test func anIDWithoutANameIsEnough() throws {
    let fired = try fired(subjects: ["user2"])
    #expect(fired.contains("5 sp.subject subject"))
    #expect(!fired.contains { $0.hasPrefix("5 sp.counterpart") })
  }

  @Test func withoutSubjectsEveryHumanUnitCountsForEveryRule() throws {
    #expect(try fired(subjects: []) == [
      "1 sp.any unknown", "1 sp.counterpart unknown", "1 sp.subject unknown",
      "2 sp.any unknown", "2 sp.counterpart unknown", "2 sp.subject unknown",
      "3 sp.any unknown", "3 sp.counterpart unknown", "3 sp.subject unknown",
      "4 sp.any unknown",
      "5 sp.any unknown", "5 sp.counterpart unknown", "5 sp.subject unknown",
      "6 sp.any unknown", "6 sp.counterpart unknown", "6 sp.subject unknown",
    ])
  }
}
