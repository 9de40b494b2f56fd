import Foundation
import Testing

@testable import Signals

/// `CompiledLexicon.triggerAutomaton`: it finds, in any text, exactly the patterns a scan of the
/// normalised text with the full automaton finds that can change whether a unit is evaluated, and
/// leaves out vocabulary that only the evaluation reads.
@Suite struct TriggerAutomatonTests {
  static func projectLexicon() throws -> CompiledLexicon {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return CompiledLexicon(try LexiconLoader.load(directory: root.appendingPathComponent("lexicons")))
  }

  @Test func findsTheConsultedPatternsOfTheFullAutomatonOnSeededRandomText() throws {
    let lexicon = try Self.projectLexicon()
    let consulted = CompiledLexicon.sievePatterns(
      rules: lexicon.rules, rulesByPattern: lexicon.rulesByPattern, regexAtoms: lexicon.regexes.map(\.atoms))
    #expect(consulted.count < lexicon.patterns.count)
    let cue = try #require(lexicon.patterns.firstIndex(of: "从未"))
    #expect(!consulted.contains(cue))

    let pieces = lexicon.patterns + ["的", "我们", "，", "。", "Ａ", "後臺", " ", "ok", "😀", "\u{200B}", "ＵＳＤＴ"]
    var random = SplitMix64(seed: 0x5369_6576)
    var found = StampedIDSet(capacity: lexicon.patterns.count)
    var mismatched: [String] = []
    var hits = 0
    for _ in 0..<1_500 {
      let text = (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
      let scanned = Set(lexicon.automaton.scan(TextNormalizer.normalize(text).utf8).map { Int($0.pattern) })
      lexicon.triggerAutomaton.patterns(inFolding: text, into: &found)
      if Set(found.members) != scanned.intersection(consulted) { mismatched.append(text) }
      hits += found.members.count
    }
    #expect(mismatched.isEmpty)
    #expect(hits > 1_000)
  }
}
