import Foundation
import Testing

@testable import Signals

/// `CompiledLexicon.sieveAutomaton`: it finds, in any text, exactly the patterns of the full
/// automaton that the sieve consults, and leaves out vocabulary that only the evaluation reads.
@Suite struct SieveAutomatonTests {
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

    let pieces = lexicon.patterns + ["的", "我们", "，", "。", "Ａ", "後臺", " ", "ok", "😀"]
    var random = SplitMix64(seed: 0x5369_6576)
    var full = StampedIDSet(capacity: lexicon.patterns.count)
    var sieved = StampedIDSet(capacity: lexicon.patterns.count)
    var mismatched: [String] = []
    var found = 0
    for _ in 0..<1_500 {
      let text = (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
      lexicon.automaton.patterns(inFolding: text, into: &full)
      lexicon.sieveAutomaton.patterns(inFolding: text, into: &sieved)
      if Set(sieved.members) != Set(full.members).intersection(consulted) { mismatched.append(text) }
      found += sieved.members.count
    }
    #expect(mismatched.isEmpty)
    #expect(found > 1_000)
  }
}
