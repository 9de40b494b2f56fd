import Ingest
import Testing

@testable import Signals

@Suite struct LexiconLinterTests {
  static let text = pack(
    rules: """
        - id: lint.short
          title: 欠
          match: {any: [欠, 没发]}
          clauses: [interp2019.art11.4]
        - id: lint.regex
          title: 欠
          match: {re: '\\bUSDT.*'}
          clauses: [interp2019.art11.4]
        - id: lint.money
          title: 金额
          match:
            all:
              - money: {min: 1, unitless: allow}
              - money: {max: 9, unitless: allow}
            near: 500
          clauses: [interp2019.art11.4]
          examples:
            hit: [1元, 2元, 3元]
            ok: [无, 没有, 零]
      """)

  @Test func reportsEachHazardOnceWithTheRuleLocation() throws {
    let folder = try TestLexicon(files: ["lint.yml": Self.text])
    defer { folder.remove() }
    let diagnostics = LexiconLinter.lint(try folder.load())
    let found = diagnostics.map { "\($0.code) \($0.line ?? 0) \($0.message.prefix { $0 != ":" })" }
    #expect(found == [
      "lexicon.unconditional-rule 17 lint.money",
      "lexicon.near-too-wide 17 lint.money",
      "lexicon.regex-hazard 13 lint.regex",
      "lexicon.regex-hazard 13 lint.regex",
      "lexicon.term-not-normalized 13 lint.regex",
      "lexicon.missing-examples 13 lint.regex",
      "lexicon.short-term 9 lint.short",
      "lexicon.missing-examples 9 lint.short",
      "lexicon.duplicate-title 9 lint.short",
      "lexicon.cue-overlap 9 lint.short",
    ])
    #expect(diagnostics.allSatisfy { $0.file == folder.path("lint.yml") })
  }

  @Test func flagsEmptyMatchesAndAtomlessRegexes() {
    #expect(LexiconLinter.regexHazards("a?") == ["can match the empty string"])
    #expect(LexiconLinter.regexHazards("后台.{0,8}控制").isEmpty)
    #expect(LexiconLinter.unmatchableLiteral("[A-Z]\\Bu") == nil)
    #expect(LexiconLinter.unmatchableLiteral("收Ｕ") == "Ｕ")
  }

  @Test func checksSetsBuiltInCode() {
    let rule = LexiconRule(id: "x.one", packID: "x", title: "一", clauses: ["no.such"], match: .term("后台"), origin: "a.yml:3")
    let set = LexiconSet(packs: [], rules: [rule, rule], clauses: ClauseCatalogue(entries: []))
    let codes = LexiconLinter.lint(set).filter { $0.severity == .error }.map { "\($0.code) \($0.file ?? ""):\($0.line ?? 0)" }
    #expect(codes == ["lexicon.unknown-clause a.yml:3", "lexicon.duplicate-id a.yml:3", "lexicon.unknown-clause a.yml:3"])
  }

  @Test func notesJoinedScopesThatMakeAScanBuildEveryMessage() {
    let joined = LexiconRule(
      id: "x.doc", packID: "x", title: "文件内", clauses: [], match: .all([.term("后台"), .term("控制输赢")], near: nil),
      origin: "a.yml:3", scope: .document)
    let plain = LexiconRule(id: "x.msg", packID: "x", title: "消息内", clauses: [], match: .term("后台"), origin: "a.yml:9")
    let notes = LexiconLinter.lint(LexiconSet(packs: [], rules: [joined, plain], clauses: ClauseCatalogue(entries: [])))
      .filter { $0.code == "lexicon.joined-scope" }
    #expect(notes.map(\.line) == [3])
    #expect(notes.first?.message.contains("builds every chat message in full") == true)
  }

  @Test func listsEveryCheckOnce() {
    #expect(Set(LexiconLinter.checks.map(\.id)).count == LexiconLinter.checks.count)
  }
}
