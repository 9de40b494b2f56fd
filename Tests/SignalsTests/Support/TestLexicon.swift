import Foundation
import Ingest

@testable import Signals
import TestSupport

/// Writes YAML packs to a fresh temporary folder and loads them. The folder is the test's to
/// remove (`remove()`); `load(files:clauses:)`, `set` and `diagnostics` remove it once the packs
/// are loaded (a loaded `LexiconSet` keeps the paths for its diagnostics, not the files).
struct TestLexicon {
  /// A two-clause catalogue that test packs cite.
  static let clauses = """
    clauses:
      - id: interp2019.art11.4
        title: 提供专门用于违法犯罪的程序、工具或者其他技术支持、帮助的
        instrument: 最高人民法院、最高人民检察院关于办理非法利用信息网络、帮助信息网络犯罪活动等刑事案件适用法律若干问题的解释
        document: 法释〔2019〕15号
        point: 第十一条第（四）项
        verification: V1
        kind: statute
        source: test
      - id: neutral.compliance
        title: 合规提示
        kind: analyst
        source: test

    """

  private let folder: TemporaryFolder

  /// The folder holding the packs.
  var directory: URL { folder.url }

  /// Creates the folder with `clauses.yml` and the given files (name → content).
  init(files: [String: String], clauses: String = TestLexicon.clauses) throws {
    folder = try TemporaryFolder("signals-tests")
    do {
      try clauses.write(to: folder.url.appendingPathComponent("clauses.yml"), atomically: true, encoding: .utf8)
      for (name, content) in files {
        try content.write(to: folder.url.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    } catch {
      folder.remove()
      throw error
    }
  }

  /// The path of a file in the folder, as the loader reports it.
  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// Loads the folder.
  func load() throws(LexiconError) -> LexiconSet { try LexiconLoader.load(directory: directory) }

  /// Removes the folder and its files.
  func remove() { folder.remove() }

  /// Writes the files, loads them and removes the folder.
  static func load(files: [String: String], clauses: String = TestLexicon.clauses) throws -> LexiconSet {
    let lexicon = try TestLexicon(files: files, clauses: clauses)
    defer { lexicon.remove() }
    return try lexicon.load()
  }

  /// Loads a single pack given as YAML and returns it.
  static func set(_ pack: String) throws -> LexiconSet {
    try load(files: ["pack.yml": pack])
  }

  /// The diagnostics of loading the files, or an empty list when the load succeeds; the folder
  /// returned is removed already (its `path(_:)` still names the files as the loader did).
  static func diagnostics(_ files: [String: String]) throws -> (TestLexicon, [Diagnostic]) {
    let lexicon = try TestLexicon(files: files)
    defer { lexicon.remove() }
    do {
      _ = try lexicon.load()
      return (lexicon, [])
    } catch {
      return (lexicon, error.diagnostics)
    }
  }
}

/// Scans single lines of text.
extension SignalScanner {
  /// The signal of rule `rule` on one speaker-less line, active or suppressed; nil when the rule
  /// does not match it.
  func signal(of rule: String, inLine text: String) -> Signal? {
    scan(line: text).first { $0.ruleID == rule }
  }

  /// The signals of one speaker-less line.
  func scan(line text: String) -> [Signal] {
    scan(
      EvidenceDocument(
        path: "t.txt", sha256: "", bytes: 0, format: .plainText, status: .parsed,
        units: [TextUnit(kind: .line, line: 1, text: text)]),
      subjects: [])
  }
}

/// A pack with one rule per line of `rules`, each an indented YAML rule body after `- `.
func pack(terms: String = "", rules: String, negation: String = "") -> String {
  """
  lexicon: 1
  pack:
    id: test-pack
    title: 测试
    version: "1"
  \(terms.isEmpty ? "" : "terms:\n" + terms)
  \(negation.isEmpty ? "" : "negation:\n" + negation)
  rules:
  \(rules)
  """
}
