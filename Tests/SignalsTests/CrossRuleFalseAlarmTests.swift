import Foundation
import Ingest
import Testing

@testable import Signals

/// The shipped packs' `ok` examples are ordinary talk that one rule must leave alone. Said by the
/// subject, none may give an active Art. 11 finding from any other rule either: `lexicon test`
/// checks each example against its own rule only, and a line written as harmless for one rule has
/// been caught by another (审核流程做成三级，每一级都能卡 by tech.withdraw-block; a lawyer's
/// 被骗来的钱追回来了 by tech.victims-mentioned).
///
/// The `neutral-help` pack is left out: its `ok` examples are mostly the inculpatory opposite of
/// an exculpatory factor (不走公账，直接转我私人卡 is no formal payment), which other rules must flag.
@Suite struct CrossRuleFalseAlarmTests {
  @Test func noOrdinaryExampleGivesAnArticleElevenFinding() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let lexicon = try LexiconLoader.load(directory: root.appendingPathComponent("lexicons"))
    let scanner = SignalScanner(lexicon: lexicon)
    let clausesOf = Dictionary(lexicon.rules.map { ($0.id, $0.clauses) }) { first, _ in first }
    let examples = lexicon.rules.filter { $0.packID != "neutral-help" }.flatMap { rule in
      rule.examples.filter { $0.kind == .ok && $0.form == .text }.map { (rule.id, $0.source) }
    }
    #expect(examples.count > 150)
    var alarms: [String] = []
    for (owner, text) in examples {
      let document = EvidenceDocument(
        path: "ok.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed,
        units: [TextUnit(kind: .message, line: 1, text: text, speaker: "我")])
      for signal in scanner.scan(document, subjects: ["我"]) where signal.suppressedReason == nil {
        let items = (clausesOf[signal.ruleID] ?? []).filter { $0.hasPrefix("interp2019.art11.") }
        if !items.isEmpty { alarms.append("\(owner) ok「\(text)」→ \(signal.ruleID) \(items)") }
      }
    }
    #expect(alarms.isEmpty, "\(alarms.joined(separator: "\n"))")
  }
}
