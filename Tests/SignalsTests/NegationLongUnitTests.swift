import Testing

@testable import Signals

/// A verdict looks only near its term: the same clause gives the same verdict alone and inside a
/// long unit full of cues, breakers and question marks.
@Suite struct NegationLongUnitTests {
  /// Text with every kind of cue and breaker but no term; it ends a sentence, so nothing in it
  /// reaches into the clause that follows.
  static let padding = String(repeating: "好的，不是？没有。如果呢，但是不行！拒绝了，", count: 400) + "。"

  @Test(arguments: NegationTests.cases.indices)
  func longUnitGivesTheVerdictOfItsClauseAlone(_ index: Int) throws {
    let row = NegationTests.cases[index]
    let scanner = SignalScanner(lexicon: try TestLexicon.set(NegationTests.flagged))
    let alone = scanner.signal(of: row.rule, inLine: row.text)
    // A clause ending in `?` stays the unit's last; any other gets padding after it too.
    let endsInQuestion = row.text.hasSuffix("？") || row.text.hasSuffix("?")
    let long = Self.padding + row.text + (endsInQuestion ? "" : "。" + Self.padding)
    let inLong = scanner.scan(line: long).first { $0.ruleID == row.rule }
    #expect(alone?.negation == row.verdict, "\(row.text)")
    #expect(inLong?.negation == alone?.negation, "\(row.text)")
    #expect(inLong?.suppressedReason == alone?.suppressedReason, "\(row.text)")
  }
}
