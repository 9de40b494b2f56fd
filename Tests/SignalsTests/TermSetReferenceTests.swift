import Foundation
import Ingest
import Testing

@testable import Signals

/// A `$name` written in a term set's list or a negation phrase list stands for the terms of that
/// set (LEXICON.md, "Pack"); it was read as the literal text `$name`, which never matches. The
/// packs are in `Tests/Fixtures/lexicon-set-references`.
@Suite struct TermSetReferenceTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lexicon-set-references")

  @Test func referencesInListsStandForTheSetsTerms() throws {
    let lexicon = try LexiconLoader.load(directory: Self.fixtures.appendingPathComponent("valid"))
    let wiped = try #require(lexicon.rules.first { $0.id == "references.wiped-if-checked" })
    guard case .all(let parts, _) = wiped.match, case .any(let evidence) = parts.first,
      case .termSet(let name, let terms) = evidence.first
    else {
      Issue.record("unexpected match tree \(wiped.match)")
      return
    }
    #expect(name == "evidence")
    #expect(terms == ["聊天记录", "对话记录", "账本", "流水", "数据"])
    #expect(wiped.negation.refusals == ["没照办", "不照办", "拒绝"])
    let kept = try #require(lexicon.rules.first { $0.id == "references.kept-or-wiped" })
    #expect(kept.negation.hypothetical == ["哪天", "等到"])
    #expect(kept.negation.refusals == wiped.negation.refusals)
  }

  @Test func theFixturesExamplesAllPass() throws {
    let lexicon = try LexiconLoader.load(directory: Self.fixtures.appendingPathComponent("valid"))
    let report = LexiconTestRunner(lexicon: lexicon).run()
    #expect(report.failed == 0, "\(report.render())")
    #expect(report.passed == 2)
  }

  @Test func unknownSetsAndCyclesAreLoadErrorsNamingTheReference() throws {
    let folder = Self.fixtures.appendingPathComponent("broken")
    var diagnostics: [Diagnostic] = []
    do {
      _ = try LexiconLoader.load(directory: folder)
    } catch {
      diagnostics = error.diagnostics
    }
    let file = folder.appendingPathComponent("broken.yml").path
    #expect(diagnostics.allSatisfy { $0.file == file && $0.severity == .error })
    #expect(diagnostics.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0)" } == [
      "lexicon.unknown-term-ref 8:21",
      "lexicon.term-set-cycle 10:15",
      "lexicon.unknown-term-ref 22:18",
    ])
    let messages = diagnostics.map(\.message)
    #expect(messages.first?.hasPrefix("unknown term set '$logs' in term set '$evidence'") == true)
    #expect(messages.dropFirst().first == "term set '$wiped_too' is part of a cycle: $cleared → $wiped_too → $cleared")
    #expect(messages.last?.hasPrefix("unknown term set '$my_refusals' in negation refusals of rule 'broken.records'") == true)
  }
}
