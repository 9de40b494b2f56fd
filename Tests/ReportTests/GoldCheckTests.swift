import Foundation
import Testing

@testable import Report
import TestSupport

/// A gold row that cannot be graded as written stops the evaluation with the gold file's line
/// and what is wrong, instead of counting as a silent miss.
@Suite struct GoldCheckTests {
  /// A corpus with one case `c`: a MemoTrace chat whose second message spans lines 4–5, and a
  /// gold file made of `rows` after a valid one.
  static func corpus(rows: [String]) throws -> TemporaryFolder {
    let temporary = try TemporaryFolder("gold")
    let root = temporary.url
    let folder = root.appendingPathComponent("c")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "2023-05-01 10:00:00 小李\n好的\n\n2023-05-01 10:01:00 老周\n后台要能控制输赢\n第二行\n\n".write(
      to: folder.appendingPathComponent("chat.txt"), atomically: true, encoding: .utf8)
    let gold = (["# case c", "finding\tchat.txt\t4\tinterp2019.art11.4\tvalid"] + rows).joined(separator: "\n") + "\n"
    try gold.write(to: root.appendingPathComponent("c.gold.tsv"), atomically: true, encoding: .utf8)
    return temporary
  }

  static func problem(_ rows: [String]) throws -> String? {
    let temporary = try corpus(rows: rows)
    defer { temporary.remove() }
    let root = temporary.url
    do {
      _ = try CorpusEvaluator(lexicon: ScanPipelineTests.lexicon).evaluate(corpus: root)
      return nil
    } catch let error as EvaluationError {
      return error.description
    }
  }

  @Test func aValidGoldIsGraded() throws {
    #expect(try Self.problem(["trap\tchat.txt\t1\t-\tordinary"]) == nil)
  }

  @Test(arguments: [
    ("finding\tnope.txt\t4\tinterp2019.art11.4\tx", "c.gold.tsv:3: the case folder c holds no file 'nope.txt'"),
    ("finding\tchat.txt\t4\tinterp2019.art11.99\tx", "c.gold.tsv:3: no pack catalogues the clause 'interp2019.art11.99'"),
    ("finding\tchat.txt\t5\tinterp2019.art11.4\tx", "c.gold.tsv:3: line 5 of chat.txt is inside the unit of lines 4–6: name its first line"),
    ("trap\tchat.txt\t3\t-\tx", "c.gold.tsv:3: no unit of chat.txt starts on line 3"),
    ("finding\tchat.txt\tabc\tinterp2019.art11.4\tx", "c.gold.tsv:3: the line must be a whole number from 1, not 'abc'"),
    ("hit\tchat.txt\t4\tinterp2019.art11.4\tx", "c.gold.tsv:3: a row is a 'finding' or a 'trap', not 'hit'"),
  ])
  func aRowThatCannotBeGradedIsNamed(row: String, message: String) throws {
    let problem = try #require(try Self.problem([row]))
    #expect(problem.hasSuffix(message), "\(problem)")
  }
}
