import Foundation
import Ingest
import Testing

@testable import Signals

/// The shipped packs on fresh text (`Tests/Fixtures/fresh-text`): chat lines written from scratch,
/// not from the packs' examples, scanned as the subject's messages. What the packs did with them
/// when they were measured is pinned here, so a change to a pack or the engine that loses a catch
/// or adds a false alarm on this text fails; one that catches a known miss passes.
@Suite struct FreshTextRegressionTests {
  /// One line of a fresh-text file: its 1-based number, its leading fields and its message.
  struct Line {
    let number: Int
    let fields: [String]
    let text: String
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fresh-text")

  static func lines(_ name: String) throws -> [Line] {
    let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n").enumerated().map { index, line in
      let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      return Line(number: index + 1, fields: parts.dropLast().filter { $0 != "H" }, text: parts.last ?? "")
    }
  }

  static let lexicon: LexiconSet = {
    let lexicons = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lexicons")
    // A broken pack fails the suite at its first use, with the loader's message.
    return try! LexiconLoader.load(directory: lexicons)
  }()
  static let scanner = SignalScanner(lexicon: lexicon)
  static let clausesOf = Dictionary(lexicon.rules.map { ($0.id, $0.clauses) }) { first, _ in first }

  /// The active signals of `text` said by the subject, with the Art. 11 items of their rules.
  static func signals(_ text: String) -> [(signal: Signal, art11: [String])] {
    let document = EvidenceDocument(
      path: "fresh.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed,
      units: [TextUnit(kind: .message, line: 1, text: text, speaker: "我")])
    return scanner.scan(document, subjects: ["我"]).filter { $0.suppressedReason == nil }.map { signal in
      (signal, (clausesOf[signal.ruleID] ?? []).filter { $0.hasPrefix("interp2019.art11.") })
    }
  }

  /// Ordinary lines flagged when measured: a journalist checking a reader's tip about a betting
  /// app (135, `tech.gambling-build`).
  static let knownFalseAlarms: Set<Int> = [135]

  /// Inculpatory lines without an Art. 11 finding when measured (12 of 100): fraud and promotion
  /// wording whose rules cite other clauses (68, 74, 77, 79, 90, 94, 97), and money moving in
  /// words of everyday banking (84, 85, 88, 89, 99). Police questioning about the platform and
  /// reports deleted or kicked out, naming no crime (3, 6, 8, 11, 12: `tech.questioned-continue`,
  /// `tech.complaint-suppressed`, `tech.complaint-ignored`), destroying data if investigated (46,
  /// `tech.destroy-if-investigated`) and a cover story for an arrest (60, `tech.guilty-mind`) are
  /// caught now and are no longer listed, nor are a price doubled because the job is grey (24,
  /// `tech.risk-premium`, `tech.knows-illegal`), a platform ordered so deposits cannot come out
  /// (36, `tech.no-exit-platform`), the clients' defrauded money said to pass through the
  /// subject's system (64, `tech.crime-money-through`) and seed phrases kept on the platform to
  /// move the coins (76, `fraud.key-custody-trap`).
  static let knownMisses: Set<Int> = [68, 74, 77, 79, 84, 85, 88, 89, 90, 94, 97, 99]

  /// A harmless set: every line of `file` (`count` lines) but those of `known` gives no Art. 11
  /// finding.
  static func expectNoArticleEleven(in file: String, count: Int, but known: Set<Int>) throws {
    let lines = try lines(file)
    #expect(lines.count == count)
    for line in lines where !known.contains(line.number) {
      let flagging = signals(line.text).filter { !$0.art11.isEmpty }.map(\.signal.ruleID)
      if !flagging.isEmpty { Issue.record("\(file) line \(line.number) flagged: \(line.text) → \(flagging)") }
    }
  }

  @Test func ordinaryLinesGiveNoArticleElevenFinding() throws {
    try Self.expectNoArticleEleven(in: "ordinary.txt", count: 150, but: Self.knownFalseAlarms)
  }

  @Test func exculpatoryLinesGiveNoArticleElevenFinding() throws {
    try Self.expectNoArticleEleven(in: "exculpatory.txt", count: 30, but: Self.knownExculpatoryAlarms)
  }

  @Test func inculpatoryLinesAreCaught() throws {
    let lines = try Self.lines("inculpatory.txt")
    #expect(lines.count == 100)
    for line in lines where !Self.knownMisses.contains(line.number) && !Self.signals(line.text).contains(where: { !$0.art11.isEmpty }) {
      Issue.record("inculpatory line \(line.number) \(line.fields) missed: \(line.text)")
    }
  }

  /// The lists stay honest: a known miss that the packs now catch, or a known false alarm that
  /// they no longer flag, must leave its list, so each list says what the packs do today.
  @Test func knownListsHoldOnlyWhatThePacksStillDo() throws {
    for line in try Self.lines("inculpatory.txt") where Self.knownMisses.contains(line.number) {
      let flagging = Self.signals(line.text).filter { !$0.art11.isEmpty }.map(\.signal.ruleID)
      if !flagging.isEmpty { Issue.record("known miss \(line.number) is caught by \(flagging): remove it from knownMisses") }
    }
    for line in try Self.lines("ordinary.txt") where Self.knownFalseAlarms.contains(line.number) {
      if !Self.signals(line.text).contains(where: { !$0.art11.isEmpty }) {
        Issue.record("known false alarm \(line.number) is no longer flagged: remove it from knownFalseAlarms")
      }
    }
  }

  /// Exculpatory lines that give an Art. 11 finding: none since the speaker's refusal of a
  /// request someone else made is read as refusing it (13, `客户说要用U付款，我说不行`, gave
  /// `tech.pay-crypto` before; `RequestAnswer`).
  static let knownExculpatoryAlarms: Set<Int> = []
}
