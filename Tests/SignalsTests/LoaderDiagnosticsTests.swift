import Foundation
import Ingest
import Testing

@testable import Signals

@Suite struct LoaderDiagnosticsTests {
  static let broken = """
    lexicon: 1
    pack:
      id: diag
      title: 诊断
    terms:
      backend: [后台]
    rules:
      - id: diag.one
        title: 一
        levle: high
        match: {any: [$backend, $nope]}
        clauses: [interp2019.art11.4, no.such.clause]
      - id: diag.one
        title: 二
        weight: 1.5
        match: 后台
        clauses: [interp2019.art11.4]

    """

  private func located(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0)" }
  }

  @Test func collectsEverySchemaErrorWithItsPosition() throws {
    let (lexicon, diagnostics) = try TestLexicon.diagnostics(["diag.yml": Self.broken])
    #expect(located(diagnostics) == [
      "lexicon.schema 10:5",
      "lexicon.unknown-term-ref 11:29",
      "lexicon.unknown-clause 12:35",
      "lexicon.weight-range 15:13",
      "lexicon.duplicate-id 13:9",
    ])
    #expect(diagnostics.allSatisfy { $0.file == lexicon.path("diag.yml") })
    let badKey = try #require(diagnostics.first)
    #expect(badKey.description.hasPrefix("\(lexicon.path("diag.yml")):10:5: error[lexicon.schema]: unknown key 'levle' in a rule"))
  }

  @Test func reportsYAMLSyntaxErrorsAtTheirMark() throws {
    let text = "lexicon: 1\npack:\n  id: bad\n  title: [unclosed\nrules: []\n"
    let (_, diagnostics) = try TestLexicon.diagnostics(["bad.yml": text])
    #expect(located(diagnostics) == ["lexicon.yaml-syntax 5:6"])
  }

  @Test func reportsDuplicateKeys() throws {
    let text = "lexicon: 1\npack:\n  id: dup\n  title: a\n  title: b\nrules: []\n"
    let (_, diagnostics) = try TestLexicon.diagnostics(["dup.yml": text])
    #expect(diagnostics.map(\.code) == ["lexicon.schema"])
    #expect(diagnostics.first?.message.contains("title") == true)
    #expect(diagnostics.first?.line != nil)
  }

  @Test func reportsMissingKeysAndDuplicatesAcrossPacks() throws {
    let first = pack(
      rules: """
          - id: shared.rule
            title: 一
            match: 后台
            clauses: [interp2019.art11.4]
        """)
    let second = """
      lexicon: 1
      pack:
        id: second
        title: 二
      rules:
        - id: other.rule
          match: 后台
          clauses: [interp2019.art11.4]
        - id: shared.rule
          title: 重复
          match: 后台
          clauses: [interp2019.art11.4]

      """
    let (_, diagnostics) = try TestLexicon.diagnostics(["a.yml": first, "b.yml": second])
    #expect(located(diagnostics) == ["lexicon.schema 6:5", "lexicon.duplicate-id 9:9"])
    #expect(diagnostics.first?.message == "a rule is missing the required key 'title'")
  }

  @Test func checksTheClauseCatalogue() throws {
    let clauses = """
      clauses:
        - id: a.one
          title: 一
          chapter: 3
        - id: a.one
          title: 二

      """
    let lexicon = try TestLexicon(files: ["p.yml": pack(rules: "  - {id: p.x, title: x, match: 后台, clauses: [a.one]}")], clauses: clauses)
    defer { lexicon.remove() }
    #expect(throws: LexiconError.self) { try lexicon.load() }
    do {
      _ = try lexicon.load()
    } catch {
      #expect(located(error.diagnostics) == ["lexicon.schema 4:5", "lexicon.duplicate-id 5:9"])
    }
  }

  @Test func refusesOtherFormatVersions() throws {
    let text = pack(rules: "  - {id: p.x, title: x, match: 后台, clauses: [interp2019.art11.4]}")
      .replacingOccurrences(of: "lexicon: 1", with: "lexicon: 2")
    let (_, diagnostics) = try TestLexicon.diagnostics(["p.yml": text])
    #expect(located(diagnostics) == ["lexicon.version 1:10"])
  }

  @Test func loadsAValidFolderWithHashesAndWarnings() throws {
    let text = pack(
      terms: "    unused: [没用]\n    _spare: [备用]\n",
      rules: "  - {id: p.x, title: x, match: 后台, clauses: [interp2019.art11.4], weight: 0.8, level: high}")
    let folder = try TestLexicon(files: ["p.yml": text, "market-prices.yml": PriceFixture.table()])
    defer { folder.remove() }
    let set = try folder.load()
    #expect(set.packs.map(\.id) == ["test-pack"])
    #expect(set.prices?.services.map(\.id) == ["exchange", "website"])
    #expect(set.packs.first?.sha256 == LexiconLoader.sha256Hex(Data(text.utf8)))
    #expect(set.rules.map(\.id) == ["p.x"])
    #expect(set.rules.first?.weight == 0.8)
    #expect(set.rules.first?.level == .high)
    #expect(set.clauses.entries.map(\.id) == ["interp2019.art11.4", "neutral.compliance"])
    #expect(set.diagnostics.map(\.code) == ["lexicon.unused-term-set"])
  }

  @Test func reportsMissingFoldersAndEmptyFolders() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/lexicons")
    #expect(throws: LexiconError.unreadable(path: missing.path, reason: "no such folder")) {
      try LexiconLoader.load(directory: missing)
    }
    let folder = try TestLexicon(files: ["a.yml": "x: 1\n"])
    defer { folder.remove() }
    let file = folder.directory.appendingPathComponent("a.yml")
    #expect(throws: LexiconError.unreadable(path: file.path, reason: "not a folder")) {
      try LexiconLoader.load(directory: file)
    }
    let empty = try TestLexicon(files: [:])
    defer { empty.remove() }
    #expect(throws: LexiconError.noPacks(directory: empty.directory.path)) { try empty.load() }
  }

  @Test func loadsGivenFilesWithAGivenCatalogue() throws {
    let folder = try TestLexicon(files: [
      "a.yml": pack(rules: "  - {id: a.x, title: x, match: 后台, clauses: [interp2019.art11.4]}"),
      "b.yml": pack(rules: "  - {id: b.x, title: x, match: 后台, clauses: [interp2019.art11.4]}")
        .replacingOccurrences(of: "id: test-pack", with: "id: other-pack"),
    ])
    defer { folder.remove() }
    let set = try LexiconLoader.load(
      files: [folder.directory.appendingPathComponent("b.yml")], clauses: folder.directory.appendingPathComponent("clauses.yml"))
    #expect(set.packs.map(\.id) == ["other-pack"])
    #expect(set.rules.map(\.id) == ["b.x"])
    #expect(set.rules.first?.origin == folder.path("b.yml") + ":9")
  }

  @Test func describesErrorsForPeople() {
    let diagnostic = Diagnostic(.error, code: "lexicon.schema", file: "p.yml", line: 3, column: 5, message: "bad")
    #expect(LexiconError.invalid([diagnostic]).description == "lexicon has 1 error(s):\np.yml:3:5: error[lexicon.schema]: bad")
    #expect(LexiconError.noPacks(directory: "lexicons").description == "lexicons: no lexicon pack (*.yml) found")
  }

  @Test func loadsTheProjectClauseCatalogue() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let file = root.appendingPathComponent("lexicons/clauses.yml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let (catalogue, diagnostics) = ClauseCatalogueParser.parse(file: file.path, text: text)
    #expect(diagnostics.isEmpty)
    #expect(catalogue.clause("interp2019.art11.4")?.point == "第十一条第（四）项")
  }
}
